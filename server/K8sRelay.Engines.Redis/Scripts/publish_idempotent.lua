-- Publishes without history unless the idempotency key was seen, atomically.
-- KEYS[1] idempotency result hash
-- ARGV[1] complete PUB/SUB message, ARGV[2] PUB/SUB channel, ARGV[3] idempotency TTL (ms),
-- ARGV[4] publish command ("publish", or "spublish" on Cluster)
-- Returns 1 when suppressed, 0 when published.
if redis.call("exists", KEYS[1]) == 1 then
  return 1
end
redis.call(ARGV[4], ARGV[2], ARGV[1])
redis.call("hset", KEYS[1], "e", "", "s", "0")
redis.call("pexpire", KEYS[1], ARGV[3])
return 0
