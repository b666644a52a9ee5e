-- Delete one dead letter. KEYS as add_dead_letter.lua's; ARGV: 1 id. Returns 1 when it was there.
local size = redis.call('HSTRLEN', KEYS[1], ARGV[1])
local deleted = redis.call('HDEL', KEYS[1], ARGV[1])
redis.call('HDEL', KEYS[3], ARGV[1])
redis.call('ZREM', KEYS[2], ARGV[1])
if deleted == 1 and redis.call('DECRBY', KEYS[4], size) < 0 then
  redis.call('SET', KEYS[4], 0)
end
return deleted
