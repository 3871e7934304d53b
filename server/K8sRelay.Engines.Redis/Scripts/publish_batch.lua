-- Publishes many messages in one call (no history), in order.
-- ARGV[1] publish command; then pairs: PUB/SUB channel, message.
-- Returns the number of messages published.
local command = ARGV[1]
for i = 2, #ARGV, 2 do
  redis.call(command, ARGV[i], ARGV[i + 1])
end
return (#ARGV - 1) / 2
