-- Adds a publication to a channel's stream and publishes it, atomically.
-- KEYS[1] stream, KEYS[2] meta hash (e = epoch, s = top offset), KEYS[3] idempotency result hash
-- ARGV[1] encoded publication, ARGV[2] history size, ARGV[3] history TTL (ms), ARGV[4] PUB/SUB channel,
-- ARGV[5] meta TTL (ms), ARGV[6] epoch to use when the stream has none, ARGV[7] idempotency TTL (ms, "0" = none),
-- ARGV[8] "1" to pass the previous publication (delta), ARGV[9] publish command ("publish", or "spublish" on Cluster)
-- Returns {offset, epoch, suppressed (0/1)}.
if ARGV[7] ~= "0" then
  local seen = redis.call("hmget", KEYS[3], "e", "s")
  if seen[1] then
    return {seen[2], seen[1], 1}
  end
end

local epoch = redis.call("hget", KEYS[2], "e")
if not epoch then
  epoch = ARGV[6]
  redis.call("hset", KEYS[2], "e", epoch)
  -- A stream left over from a lost meta would hold higher ids than the new epoch's offsets.
  redis.call("del", KEYS[1])
end
local offset = redis.call("hincrby", KEYS[2], "s", 1)

local prev_offset = "0"
local prev = ""
if ARGV[8] == "1" then
  local last = redis.call("xrevrange", KEYS[1], "+", "-", "COUNT", 1)
  if #last > 0 then
    prev_offset = string.match(last[1][1], "^(%d+)")
    prev = last[1][2][2]
  end
end

redis.call("xadd", KEYS[1], "MAXLEN", ARGV[2], offset, "d", ARGV[1])
redis.call("pexpire", KEYS[1], ARGV[3])
local meta_ttl = tonumber(ARGV[5])
local history_ttl = tonumber(ARGV[3])
if history_ttl > meta_ttl then meta_ttl = history_ttl end
redis.call("pexpire", KEYS[2], meta_ttl)

redis.call(ARGV[9], ARGV[4], "p" .. ARGV[8] .. offset .. ":" .. epoch .. ":" .. prev_offset .. ":" .. #prev .. ":" .. prev .. ARGV[1])

if ARGV[7] ~= "0" then
  redis.call("hset", KEYS[3], "e", epoch, "s", offset)
  redis.call("pexpire", KEYS[3], ARGV[7])
end
return {offset, epoch, 0}
