-- Adds or refreshes a client in a channel's presence.
-- KEYS[1] expiry sorted set (client -> expire-at ms), KEYS[2] info hash (client -> info), KEYS[3] user hash (client -> user)
-- ARGV[1] key TTL (ms), ARGV[2] expire-at (ms), ARGV[3] client id, ARGV[4] encoded info, ARGV[5] user id
redis.call("zadd", KEYS[1], ARGV[2], ARGV[3])
redis.call("hset", KEYS[2], ARGV[3], ARGV[4])
redis.call("hset", KEYS[3], ARGV[3], ARGV[5])
redis.call("pexpire", KEYS[1], ARGV[1])
redis.call("pexpire", KEYS[2], ARGV[1])
redis.call("pexpire", KEYS[3], ARGV[1])
return 1
