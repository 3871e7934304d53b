-- Drops expired clients, then returns the presence set or its counts.
-- KEYS[1] expiry sorted set, KEYS[2] info hash, KEYS[3] user hash
-- ARGV[1] now (ms), ARGV[2] "stats" for {clients, distinct users}, anything else for the info hash as a flat list
local expired = redis.call("zrangebyscore", KEYS[1], "-inf", ARGV[1])
if #expired > 0 then
  for _, client in ipairs(expired) do
    redis.call("hdel", KEYS[2], client)
    redis.call("hdel", KEYS[3], client)
  end
  redis.call("zremrangebyscore", KEYS[1], "-inf", ARGV[1])
end
if ARGV[2] == "stats" then
  local users = redis.call("hvals", KEYS[3])
  local seen = {}
  local distinct = 0
  for _, user in ipairs(users) do
    if not seen[user] then
      seen[user] = true
      distinct = distinct + 1
    end
  end
  return {#users, distinct}
end
return redis.call("hgetall", KEYS[2])
