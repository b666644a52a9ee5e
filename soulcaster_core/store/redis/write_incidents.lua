-- What one incident step writes, as one command (queued in the step's MULTI). KEYS[1] is the
-- project's records hash, KEYS[2] its incidents by last seen, KEYS[3] its open ones by last
-- seen, KEYS[4] the version of its incidents: bumped by every write, and returned; with ARGV[2],
-- the version the step read, nothing is written (0 is returned) if another writer came in
-- between, or if an item it places is in an incident already. The
-- other keys are named by their place in KEYS from ARGV[1], a JSON object of:
--   records: [id, record JSON, last seen ms, true if open], saved and scored;
--   dropped: [key hash, incident id], keys to drop; cleared: link lists to empty first;
--   links: [link list, [link JSON...]], appended; keys: [key hash, incident id, value], put;
-- where a JSON text (a record, a link, a key's value) is the place in ARGV of its own argument
-- (after ARGV[1] and ARGV[2]): not a text inside the plan, to be encoded and decoded again.
--   items: [item key, incident id or ""] (an item that exists only);
--   clusters: [cluster record, incident id or ""] (set in the record's JSON, if it exists).
-- (A cluster record's JSON holds strings and numbers only, which cjson writes back alike.)
local w = cjson.decode(ARGV[1])
if ARGV[2] ~= '' then
  if (redis.call('GET', KEYS[4]) or '0') ~= ARGV[2] then return 0 end
  -- A step decided on the store's copy did not read its items: none may be placed since.
  for _, i in ipairs(w.items) do
    local had = i[2] ~= '' and redis.call('HGET', KEYS[i[1]], 'incident_id')
    if had and had ~= '' then return 0 end
  end
end
local version = redis.call('INCR', KEYS[4])
local closed = {}
for _, r in ipairs(w.records) do
  redis.call('HSET', KEYS[1], r[1], ARGV[r[2]])
  redis.call('ZADD', KEYS[2], r[3], r[1])
  if r[4] then redis.call('ZADD', KEYS[3], r[3], r[1]) else closed[#closed + 1] = r[1] end
end
if #closed > 0 then redis.call('ZREM', KEYS[3], unpack(closed)) end
for _, d in ipairs(w.dropped) do redis.call('HDEL', KEYS[d[1]], d[2]) end
for _, k in ipairs(w.cleared) do redis.call('DEL', KEYS[k]) end
for _, l in ipairs(w.links) do
  local texts = {}
  for n, at in ipairs(l[2]) do texts[n] = ARGV[at] end
  redis.call('RPUSH', KEYS[l[1]], unpack(texts))
end
for _, k in ipairs(w.keys) do redis.call('HSET', KEYS[k[1]], k[2], ARGV[k[3]]) end
for _, i in ipairs(w.items) do
  if redis.call('EXISTS', KEYS[i[1]]) == 1 then
    if i[2] == '' then redis.call('HDEL', KEYS[i[1]], 'incident_id')
    else redis.call('HSET', KEYS[i[1]], 'incident_id', i[2]) end
  end
end
for _, c in ipairs(w.clusters) do
  local doc = redis.call('HGET', KEYS[c[1]], 'doc')
  if doc then
    local data = cjson.decode(doc)
    if c[2] == '' then data['incident_id'] = cjson.null else data['incident_id'] = c[2] end
    redis.call('HSET', KEYS[c[1]], 'doc', cjson.encode(data))
  end
end
return version
