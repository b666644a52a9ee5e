-- Take members out and count them out; a cluster left empty is deleted. KEYS: record,
-- members, clusters-by-time, hours. ARGV: cluster id, then (item id, source, occurrences,
-- service or "", hour last seen) per member.
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
local function less(key, field, by)
  if redis.call('HINCRBY', key, field, -by) <= 0 then redis.call('HDEL', key, field) end
end
local removed, occurrences = 0, 0
for at = 2, #ARGV, 5 do
  if redis.call('ZREM', KEYS[2], ARGV[at]) == 1 then
    removed = removed + 1
    occurrences = occurrences + tonumber(ARGV[at + 2])
    less(KEYS[1], 'src:' .. ARGV[at + 1], 1)
    if ARGV[at + 3] ~= '' then less(KEYS[1], 'svc:' .. ARGV[at + 3], 1) end
    if redis.call('HEXISTS', KEYS[4], ARGV[at + 4]) == 1 then
      less(KEYS[4], ARGV[at + 4], tonumber(ARGV[at + 2]))
    end
  end
end
if redis.call('ZCARD', KEYS[2]) == 0 then
  redis.call('DEL', KEYS[1], KEYS[2], KEYS[4])
  redis.call('ZREM', KEYS[3], ARGV[1])
  return 0
end
local items = redis.call('HINCRBY', KEYS[1], 'items', -removed)
if redis.call('HINCRBY', KEYS[1], 'occurrences', -occurrences) < items then
  redis.call('HSET', KEYS[1], 'occurrences', items)
end
return 1
