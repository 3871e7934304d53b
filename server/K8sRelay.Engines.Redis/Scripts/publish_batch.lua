-- Publishes many messages in one call (no history), in order. ARGV: pairs of PUB/SUB channel, message.
-- Only used where classic PUBLISH applies (standalone and Sentinel). Returns the number of messages published.
for i = 1, #ARGV, 2 do
  redis.call("publish", ARGV[i], ARGV[i + 1])
end
return #ARGV / 2
