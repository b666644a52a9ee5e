-- What a batch's incident step reads, in one round trip: the keys its items name, the records
-- of the incidents holding them, and which of its items are in an incident, with the version
-- of the project's incidents that it read (write_incidents.lua writes only over that one);
-- with ARGV[2], a score, also the open incidents last seen since then (for the store's copy).
-- KEYS: the records' hash, the version, the open incidents by last seen, then ARGV[1] key
-- hashes, then item keys. Returns {each key hash's fields and values, the incident ids, their
-- records, each item's incident id or "", the version, the open records since ARGV[2]}.
local keys = tonumber(ARGV[1])
local held, ids, seen = {}, {}, {}
for i = 1, keys do
  local flat = redis.call('HGETALL', KEYS[3 + i])
  held[i] = flat
  for j = 1, #flat, 2 do
    if not seen[flat[j]] then
      seen[flat[j]] = true
      ids[#ids + 1] = flat[j]
    end
  end
end
local records = {}
if #ids > 0 then records = redis.call('HMGET', KEYS[1], unpack(ids)) end
local placed = {}
for i = 4 + keys, #KEYS do
  placed[#placed + 1] = redis.call('HGET', KEYS[i], 'incident_id') or ''
end
local open = {}
if ARGV[2] ~= '' then
  local open_ids = redis.call('ZRANGEBYSCORE', KEYS[3], ARGV[2], '+inf')
  if #open_ids > 0 then open = redis.call('HMGET', KEYS[1], unpack(open_ids)) end
end
return {held, ids, records, placed, redis.call('GET', KEYS[2]) or '0', open}
