-- File a dead letter and drop the oldest past the project's caps (the newest always stays).
-- KEYS: 1 letters hash, 2 index zset (received time), 3 heads hash, 4 bytes counter
-- ARGV: 1 id, 2 letter json, 3 received (epoch s), 4 head json, 5 max count, 6 max bytes,
--       7 drop letters received before this (epoch s; "-inf": none)
-- Returns how many older letters were dropped.
local letters, index, heads, bytes = KEYS[1], KEYS[2], KEYS[3], KEYS[4]
local max_count, max_bytes = tonumber(ARGV[5]), tonumber(ARGV[6])
redis.call('HSET', letters, ARGV[1], ARGV[2])
redis.call('HSET', heads, ARGV[1], ARGV[4])
redis.call('ZADD', index, ARGV[3], ARGV[1])
local total = redis.call('INCRBY', bytes, string.len(ARGV[2]))
local dropped = 0
local function drop(id)
  local size = redis.call('HSTRLEN', letters, id)
  redis.call('HDEL', letters, id)
  redis.call('HDEL', heads, id)
  redis.call('ZREM', index, id)
  total = redis.call('DECRBY', bytes, size)
  dropped = dropped + 1
end
for _, id in ipairs(redis.call('ZRANGEBYSCORE', index, '-inf', '(' .. ARGV[7])) do
  if id ~= ARGV[1] then drop(id) end
end
local count = redis.call('ZCARD', index)
while count > 1 and (count > max_count or total > max_bytes) do
  drop(redis.call('ZRANGE', index, 0, 0)[1])
  count = count - 1
end
if total < 0 then redis.call('SET', bytes, 0) end
return dropped
