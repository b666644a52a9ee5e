-- Replace a record's fields; a listed source or service keeps its count (1 when new), others
-- go. KEYS: record, clusters-by-time. ARGV: id, doc, items, occurrences, first seen, last seen,
-- last seen ms, then the fields of the sources and services (src:<source>, svc:<service>).
redis.call('HSET', KEYS[1], 'doc', ARGV[2], 'items', ARGV[3], 'occurrences', ARGV[4],
           'first_seen', ARGV[5], 'last_seen', ARGV[6], 'last_ms', ARGV[7])
local keep = {}
for at = 8, #ARGV do keep[ARGV[at]] = true end
local counted = {['src:'] = true, ['svc:'] = true}
for _, field in ipairs(redis.call('HKEYS', KEYS[1])) do
  if counted[string.sub(field, 1, 4)] and not keep[field] then
    redis.call('HDEL', KEYS[1], field)
  end
end
for field in pairs(keep) do redis.call('HSETNX', KEYS[1], field, 1) end
redis.call('ZADD', KEYS[2], ARGV[7], ARGV[1])
return 1
