-- Reads a channel's stream position and, optionally, publications. Creates the meta when missing.
-- KEYS[1] stream, KEYS[2] meta hash
-- ARGV[1] "1" to include publications, ARGV[2] "1" when a since offset is given, ARGV[3] since offset,
-- ARGV[4] limit (-1 = all), ARGV[5] "1" for newest first, ARGV[6] meta TTL (ms),
-- ARGV[7] epoch to use when the stream has none, ARGV[8] expected epoch ("" = any)
-- Returns {top offset, epoch, entries or nil}; entries are stream entries {id, {"d", publication}}.
local meta = redis.call("hmget", KEYS[2], "e", "s")
local epoch = meta[1]
local top = meta[2]
if not epoch then
  epoch = ARGV[7]
  top = "0"
  redis.call("hset", KEYS[2], "e", epoch)
  redis.call("del", KEYS[1])
end
if not top then top = "0" end
if ARGV[6] ~= "0" then
  redis.call("pexpire", KEYS[2], ARGV[6])
end

if ARGV[1] ~= "1" or (ARGV[8] ~= "" and ARGV[8] ~= epoch) then
  return {top, epoch}
end

local entries
if ARGV[5] ~= "1" then
  local from = "-"
  if ARGV[2] == "1" then from = "(" .. ARGV[3] .. "-0" end
  if ARGV[4] == "-1" then
    entries = redis.call("xrange", KEYS[1], from, "+")
  else
    entries = redis.call("xrange", KEYS[1], from, "+", "COUNT", ARGV[4])
  end
else
  local to = "+"
  if ARGV[2] == "1" then
    if ARGV[3] == "0" then return {top, epoch, {}} end
    to = "(" .. ARGV[3] .. "-0"
  end
  if ARGV[4] == "-1" then
    entries = redis.call("xrevrange", KEYS[1], to, "-")
  else
    entries = redis.call("xrevrange", KEYS[1], to, "-", "COUNT", ARGV[4])
  end
end
return {top, epoch, entries}
