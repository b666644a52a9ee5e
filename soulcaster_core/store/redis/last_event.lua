-- Keep the latest of each kind of event: a late report of an older one must not hide it.
-- Times are fixed-width ISO strings, so string order is time order.
-- KEYS[1] the project's last-events hash; ARGV: field, time, value.
local current = redis.call('HGET', KEYS[1], ARGV[1])
if current and cjson.decode(current)['at'] > ARGV[2] then return 0 end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[3])
return 1
