-- Adds publications to channels' streams and publishes them, atomically, in order. Handles N publications per call
-- (N = #KEYS / 3); for publication i (0-based):
-- KEYS[3i+1] stream, KEYS[3i+2] meta hash (e = epoch, s = top offset), KEYS[3i+3] idempotency result hash
-- ARGV[9i+1] encoded publication, ARGV[9i+2] history size, ARGV[9i+3] history TTL (ms), ARGV[9i+4] PUB/SUB channel,
-- ARGV[9i+5] meta TTL (ms), ARGV[9i+6] epoch to use when the stream has none, ARGV[9i+7] idempotency TTL (ms, "0" = none),
-- ARGV[9i+8] "1" to pass the previous publication (delta), ARGV[9i+9] publish command ("publish", or "spublish" on Cluster)
-- Returns {offset, epoch, suppressed (0/1)} for each publication, flattened.
local results = {}
for i = 0, #KEYS / 3 - 1 do
  local stream_key, meta_key, result_key = KEYS[i * 3 + 1], KEYS[i * 3 + 2], KEYS[i * 3 + 3]
  local a = i * 9
  local seen = nil
  if ARGV[a + 7] ~= "0" then
    seen = redis.call("hmget", result_key, "e", "s")
    if not seen[1] then seen = nil end
  end

  if seen then
    results[#results + 1] = seen[2]
    results[#results + 1] = seen[1]
    results[#results + 1] = 1
  else
    local epoch = redis.call("hget", meta_key, "e")
    if not epoch then
      epoch = ARGV[a + 6]
      redis.call("hset", meta_key, "e", epoch)
      -- A stream left over from a lost meta would hold higher ids than the new epoch's offsets.
      redis.call("del", stream_key)
    end
    local offset = redis.call("hincrby", meta_key, "s", 1)

    local prev_offset = "0"
    local prev = ""
    if ARGV[a + 8] == "1" then
      local last = redis.call("xrevrange", stream_key, "+", "-", "COUNT", 1)
      if #last > 0 then
        prev_offset = string.match(last[1][1], "^(%d+)")
        prev = last[1][2][2]
      end
    end

    redis.call("xadd", stream_key, "MAXLEN", ARGV[a + 2], offset, "d", ARGV[a + 1])
    redis.call("pexpire", stream_key, ARGV[a + 3])
    local meta_ttl = tonumber(ARGV[a + 5])
    local history_ttl = tonumber(ARGV[a + 3])
    if history_ttl > meta_ttl then meta_ttl = history_ttl end
    redis.call("pexpire", meta_key, meta_ttl)

    redis.call(ARGV[a + 9], ARGV[a + 4], "p" .. ARGV[a + 8] .. offset .. ":" .. epoch .. ":" .. prev_offset .. ":" .. #prev .. ":" .. prev .. ARGV[a + 1])

    if ARGV[a + 7] ~= "0" then
      redis.call("hset", result_key, "e", epoch, "s", offset)
      redis.call("pexpire", result_key, ARGV[a + 7])
    end
    results[#results + 1] = offset
    results[#results + 1] = epoch
    results[#results + 1] = 0
  end
end
return results
