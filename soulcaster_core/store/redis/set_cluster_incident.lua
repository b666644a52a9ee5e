-- A cluster's incident, set in its record's JSON (the record exists: a cluster left empty and
-- deleted gets none). KEYS: record. ARGV: incident id, "" for none. (The record's JSON holds
-- strings and numbers only, which cjson writes back alike.)
local doc = redis.call('HGET', KEYS[1], 'doc')
if not doc then return 0 end
local data = cjson.decode(doc)
if ARGV[1] == '' then data['incident_id'] = cjson.null else data['incident_id'] = ARGV[1] end
redis.call('HSET', KEYS[1], 'doc', cjson.encode(data))
return 1
