-- Dedup, save, count and enqueue items of one project, each atomically (see Store.ingest).
-- Concurrent webhooks of a project arrive here as one call: one script run for the batch
-- instead of one each. Every key shares the project's hash tag, so a call runs on one shard
-- of a Redis Cluster.
-- KEYS: 1 items zset, 2 stats hash (this hour), 3 last-events hash, 4 queue stream; then 4 per
--       item: dedup, new item, source zset, delivery
-- ARGV: 1 project id, 2 item key prefix, 3 stats ttl, 4 last-event json; then 8 per item:
--       new id, item json, received ms, last_seen (fixed-width ISO), occurrence 0/1,
--       status or "", source, delivery ttl ("" = no delivery id)
-- Returns one reply per item: {outcome, id}, or {"error", message} for an item whose
-- commands failed (the others are unaffected).
local function ingest(k, a)
  local dedup, item_key, by_source, delivery = KEYS[k + 1], KEYS[k + 2], KEYS[k + 3], KEYS[k + 4]
  local new_id, json, received, last_seen = ARGV[a + 1], ARGV[a + 2], ARGV[a + 3], ARGV[a + 4]
  local occurrence, status, source, delivery_ttl = ARGV[a + 5], ARGV[a + 6], ARGV[a + 7], ARGV[a + 8]
  if delivery_ttl ~= '' then
    local seen = redis.call('GET', delivery)
    if seen then return {'duplicate', seen} end
  end
  local outcome
  local id = redis.call('GET', dedup)
  if id then
    local key = ARGV[2] .. id
    if status ~= '' then redis.call('HSET', key, 'status', status) end
    if occurrence == '1' then
      redis.call('HINCRBY', key, 'occurrences', 1)
      local last = redis.call('HGET', key, 'last_seen')
      if (not last) or last_seen > last then redis.call('HSET', key, 'last_seen', last_seen) end
      outcome = 'duplicate'
    else
      outcome = 'updated'
    end
  else
    id = new_id
    redis.call('SET', dedup, id)
    redis.call('HSET', item_key, 'data', json, 'occurrences', 1, 'last_seen', last_seen)
    if status ~= '' then redis.call('HSET', item_key, 'status', status) end
    redis.call('ZADD', KEYS[1], received, id)
    redis.call('ZADD', by_source, received, id)
    redis.call('XADD', KEYS[4], '*', 'project', ARGV[1], 'item', id)
    outcome = 'created'
  end
  if delivery_ttl ~= '' then redis.call('SET', delivery, id, 'EX', delivery_ttl) end
  redis.call('HINCRBY', KEYS[2], source .. '|' .. outcome, 1)
  redis.call('HSET', KEYS[3], source .. '|' .. outcome, ARGV[4])
  return {outcome, id}
end

local replies = {}
for i = 0, (#KEYS - 4) / 4 - 1 do
  local ok, reply = pcall(ingest, 4 + 4 * i, 4 + 8 * i)
  if not ok then
    reply = {'error', type(reply) == 'table' and reply.err or tostring(reply)}
  end
  replies[i + 1] = reply
end
redis.call('EXPIRE', KEYS[2], ARGV[3])
return replies
