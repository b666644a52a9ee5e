-- Dedup, save, count and enqueue one item atomically (see Store.ingest).
-- Every key shares the project's hash tag, so this runs on one shard of a Redis Cluster.
-- KEYS: 1 dedup, 2 new item, 3 items zset, 4 source zset, 5 stats hash (this hour),
--       6 last-events hash, 7 queue stream, 8 delivery
-- ARGV: 1 new id, 2 item json, 3 received ms, 4 last_seen (fixed-width ISO), 5 occurrence 0/1,
--       6 status or "", 7 source, 8 item key prefix, 9 delivery ttl ("" = no delivery id),
--       10 last-event json, 11 project id, 12 stats ttl
if ARGV[9] ~= '' then
  local seen = redis.call('GET', KEYS[8])
  if seen then return {'duplicate', seen} end
end
local outcome
local id = redis.call('GET', KEYS[1])
if id then
  local key = ARGV[8] .. id
  if ARGV[6] ~= '' then redis.call('HSET', key, 'status', ARGV[6]) end
  if ARGV[5] == '1' then
    redis.call('HINCRBY', key, 'occurrences', 1)
    local last = redis.call('HGET', key, 'last_seen')
    if (not last) or ARGV[4] > last then redis.call('HSET', key, 'last_seen', ARGV[4]) end
    outcome = 'duplicate'
  else
    outcome = 'updated'
  end
else
  id = ARGV[1]
  redis.call('SET', KEYS[1], id)
  redis.call('HSET', KEYS[2], 'data', ARGV[2], 'occurrences', 1, 'last_seen', ARGV[4])
  if ARGV[6] ~= '' then redis.call('HSET', KEYS[2], 'status', ARGV[6]) end
  redis.call('ZADD', KEYS[3], ARGV[3], id)
  redis.call('ZADD', KEYS[4], ARGV[3], id)
  redis.call('XADD', KEYS[7], '*', 'project', ARGV[11], 'item', id)
  outcome = 'created'
end
if ARGV[9] ~= '' then redis.call('SET', KEYS[8], id, 'EX', ARGV[9]) end
redis.call('HINCRBY', KEYS[5], ARGV[7] .. '|' .. outcome, 1)
redis.call('EXPIRE', KEYS[5], ARGV[12])
redis.call('HSET', KEYS[6], ARGV[7] .. '|' .. outcome, ARGV[10])
return {outcome, id}
