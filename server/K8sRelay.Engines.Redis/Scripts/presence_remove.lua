-- Removes a client from a channel's presence.
-- KEYS[1] expiry sorted set, KEYS[2] info hash, KEYS[3] user hash; ARGV[1] client id
redis.call("zrem", KEYS[1], ARGV[1])
redis.call("hdel", KEYS[2], ARGV[1])
redis.call("hdel", KEYS[3], ARGV[1])
return 1
