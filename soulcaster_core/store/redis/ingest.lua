-- Dedup, save or merge, count, record and enqueue items of one project, each atomically (see
-- Store.ingest). Concurrent webhooks of a project arrive here as one call: one script run for
-- the batch instead of one each. Every key shares the project's hash tag, so a call runs on one
-- shard of a Redis Cluster (item, history and raw keys are built from the prefixes in ARGV).
--
-- KEYS: 1 items zset, 2 stats hash (this hour), 3 last-events hash, 4 queue stream, 5 stats
--       hash (this 5-minute slot)
-- ARGV: 1 project id, 2 item key prefix, 3 stats ttl, 4 last-event json, 5 history key prefix,
--       6 raw key prefix, 7 history limit, 8 slot stats ttl, 9 cluster key prefix, 10 cluster
--       hours key prefix, 11 clusters-by-time key, 12 cluster statuses key, 13 the regressed
--       status's JSON; then one argument per item, a MessagePack array of 19 (one argument, not
--       19: the client packs each argument apart, at a cost per argument; every value a string):
--       1 new id, 2 base json, 3 received ms, 4 first_seen, 5 last_seen (fixed-width ISO),
--       6 occurrence 0/1, 7 source, 8 delivery ttl ("" = no delivery id), 9 merge policy json,
--       10 richness (store/merge.py), 11 record id, 12 record head (store/history.py), 13 raw ttl in ms
--       ("" = no raw body), 14 raw value, 15 the units: an array of unit name, JSON text, name,
--       text..., then its keys (of the project's slot, like the prefixed ones): 16 dedup, 17 new
--       item, 18 source zset, 19 delivery
-- An item hash holds data (the item without its units), occurrences, first_seen, last_seen,
-- richness (how much stack trace it holds), u:<unit> (a unit's JSON text, store/merge.py),
-- at:<unit> (the received ms of a 'latest' unit's value), cluster_id and clustering. An item stored before units were kept apart has no
-- u:title: its data holds the whole item (and its status field the status).
-- Returns one reply per item: {outcome, id}, or {"error", message} for an item whose
-- commands failed (the others are unaffected).

local HEAD = 13
local EMPTY = {['null'] = true, ['""'] = true, ['[]'] = true, ['{}'] = true}
-- Arguments per command: far below what Lua's unpack can take. Even, so pairs stay together.
local CHUNK = 1000
local policies = {}

local function chunked(command, key, list)
  local replies = {}
  for first = 1, #list, CHUNK do
    local reply = redis.call(command, key, unpack(list, first, math.min(first + CHUNK - 1, #list)))
    if command == 'HMGET' then
      for _, value in ipairs(reply) do replies[#replies + 1] = value end
    end
  end
  return replies
end

-- Only metadata keys have dotted names (metadata.short_id): they fall back on 'metadata'.
local function rule_of(policy, name)
  return policy[name] or (string.find(name, '.', 1, true) and policy.metadata) or 'keep'
end

-- The units of an item stored whole, as cjson re-encodes them: only compared, never written.
local function legacy_units(key)
  local data = redis.call('HGET', key, 'data')
  local status = redis.call('HGET', key, 'status')
  data = data and cjson.decode(data) or {}
  return function(name)
    if name == 'metadata.status' and status then return cjson.encode(status) end
    local head, sub = string.match(name, '^([^.]*)%.(.*)$')
    local value
    if head then
      if type(data[head]) == 'table' then value = data[head][sub] end
    else
      value = data[name]
    end
    if value == nil then return false end
    return cjson.encode(value)
  end
end

local function empty_value(value)
  return value == nil or value == cjson.null or value == '' or
    (type(value) == 'table' and next(value) == nil)
end

-- tags or links (str to str, so cjson gives them back as they were): the keys of both, the
-- new value winning unless it is empty. Returns the new JSON text, or nil if nothing changed.
local function unite(name, old, text, changed)
  local united, dirty = cjson.decode(old), false
  for key, value in pairs(cjson.decode(text)) do
    if united[key] == nil or (not empty_value(value) and united[key] ~= value) then
      united[key] = value
      changed[#changed + 1] = name .. '.' .. key
      dirty = true
    end
  end
  return dirty and cjson.encode(united) or nil
end

-- The stored item's richness (store/merge.py): its own field, else counted from its exceptions.
local function stored_richness(field, exceptions)
  if field then return tonumber(field) end
  if not exceptions or EMPTY[exceptions] then return 0 end
  local count = 1
  for _, exc in ipairs(cjson.decode(exceptions)) do
    if type(exc.frames) == 'table' then count = count + #exc.frames end
  end
  return count
end

-- Refine a stored item by the delivery's units, rule by rule (store/merge.py, merge_units).
-- Returns the status change {before, after} (JSON texts) or nil, and the units changed.
local function merge(key, id, it, units, n)
  local policy = policies[it[9]]
  if not policy then
    policy = cjson.decode(it[9])
    policies[it[9]] = policy
  end
  -- One read: each unit's stored text, then the version of each 'latest' one.
  local fields, rules, latest, title, exceptions = {}, {}, {}, nil, nil
  for j = 1, n do
    local name = units[2 * j - 1]
    fields[j], rules[j] = 'u:' .. name, rule_of(policy, name)
    if rules[j] == 'latest' then latest[#latest + 1] = j end
    if name == 'title' then title = j elseif name == 'exceptions' then exceptions = j end
  end
  for i, j in ipairs(latest) do fields[n + i] = 'at:' .. units[2 * j - 1] end
  fields[#fields + 1] = 'richness'
  local stored = chunked('HMGET', key, fields)
  if not (title and stored[title]) then  -- stored whole, before units were kept apart
    local unit = legacy_units(key)
    for j = 1, n do
      if not stored[j] then stored[j] = unit(units[2 * j - 1]) end
    end
  end
  local richness = tonumber(it[10])
  local richer = richness > stored_richness(stored[#fields], exceptions and stored[exceptions])
  local received = tonumber(it[3])
  local versions, created = {}, nil
  for i, j in ipairs(latest) do
    local version = stored[n + i]
    if not version then  -- set when the item was created
      created = created or tonumber(redis.call('ZSCORE', KEYS[1], id)) or 0
      version = created
    end
    versions[j] = tonumber(version)
  end
  local writes, changed, status = {}, {}, nil
  for j = 1, n do
    local name, text, old, rule = units[2 * j - 1], units[2 * j], stored[j], rules[j]
    local take
    if not old then
      take = true
    elseif rule == 'keep' or EMPTY[text] then
      take = false
    elseif rule == 'fill' then
      take = EMPTY[old]
    elseif rule == 'richer' then
      take = richer or EMPTY[old]
    elseif rule == 'latest' then
      take = EMPTY[old] or received >= versions[j]
    elseif rule == 'union' then
      if name == 'tags' or name == 'links' then
        text = unite(name, old, text, changed)
        if text then
          writes[#writes + 1] = 'u:' .. name
          writes[#writes + 1] = text
        end
        take = false
      else
        take = true
      end
    else
      error('unknown merge rule ' .. tostring(rule))
    end
    if take then
      if rule == 'latest' and not EMPTY[text] and received ~= versions[j] then
        writes[#writes + 1] = 'at:' .. name
        writes[#writes + 1] = it[3]
      end
      if old ~= text then
        writes[#writes + 1] = 'u:' .. name
        writes[#writes + 1] = text
        changed[#changed + 1] = name
        if name == 'exceptions' then
          writes[#writes + 1] = 'richness'
          writes[#writes + 1] = richness
        end
        if name == 'metadata.status' then status = {old or 'null', text} end
      end
    end
  end
  if #writes > 0 then chunked('HSET', key, writes) end
  return status, changed
end

local function ingest(packed)
  local it = cmsgpack.unpack(packed)
  local dedup, item_key, by_source, delivery = it[16], it[17], it[18], it[19]
  local first_seen, last_seen, occurrence = it[4], it[5], it[6]
  local source, delivery_ttl = it[7], it[8]
  if delivery_ttl ~= '' then
    local seen = redis.call('GET', delivery)
    if seen then return {'duplicate', seen} end
  end
  local units = it[15]
  local n = #units / 2
  local outcome, status, changed
  local id = redis.call('GET', dedup)
  if id then
    local key = ARGV[2] .. id
    status, changed = merge(key, id, it, units, n)
    if occurrence == '1' then
      redis.call('HINCRBY', key, 'occurrences', 1)
      local first, last, cluster = unpack(redis.call('HMGET', key, 'first_seen', 'last_seen',
                                                     'cluster_id'))
      if first and first_seen < first then redis.call('HSET', key, 'first_seen', first_seen) end
      if (not last) or last_seen > last then redis.call('HSET', key, 'last_seen', last_seen) end
      if cluster then
        -- The problem happened again: its cluster counts it, in the hour it arrived.
        local record = ARGV[9] .. cluster
        redis.call('HINCRBY', record, 'occurrences', 1)
        local seen = redis.call('HGET', record, 'last_seen')
        if seen and last_seen > seen then
          redis.call('HSET', record, 'last_seen', last_seen, 'last_ms', it[3])
          redis.call('ZADD', ARGV[11], 'GT', it[3], cluster)
        end
        local hour = math.floor(tonumber(it[3]) / 3600000)
        redis.call('HINCRBY', ARGV[10] .. cluster, hour, 1)
        local was = redis.call('HGET', ARGV[12], cluster)  -- a resolved problem is back
        if was and cjson.decode(was)['status'] == 'resolved' then
          redis.call('HSET', ARGV[12], cluster, ARGV[13])
        end
      end
      outcome = 'duplicate'
    elseif #changed > 0 then
      outcome = 'updated'
    else
      outcome = 'duplicate'  -- a state the item has already: nothing new
    end
  else
    id = it[1]
    redis.call('SET', dedup, id)
    local fields = {
      'data', it[2], 'occurrences', 1, 'first_seen', first_seen, 'last_seen', last_seen,
      'richness', it[10],
    }
    for j = 1, n do
      local name, text = units[2 * j - 1], units[2 * j]
      fields[#fields + 1] = 'u:' .. name
      fields[#fields + 1] = text
      if name == 'metadata.status' and not EMPTY[text] then status = {'null', text} end
    end
    chunked('HSET', item_key, fields)
    redis.call('ZADD', KEYS[1], it[3], id)
    redis.call('ZADD', by_source, it[3], id)
    redis.call('XADD', KEYS[4], '*', 'project', ARGV[1], 'item', id)
    outcome, changed = 'created', {}
  end
  if delivery_ttl ~= '' then redis.call('SET', delivery, id, 'EX', delivery_ttl) end
  redis.call('HINCRBY', KEYS[2], source .. '|' .. outcome, 1)
  redis.call('HINCRBY', KEYS[5], source .. '|' .. outcome, 1)
  redis.call('HSET', KEYS[3], source .. '|' .. outcome, ARGV[4])
  -- The delivery's record (store/history.py, record_tail) and its raw body.
  local record = it[12] .. ',"outcome":"' .. outcome .. '"'
  if status then
    record = record .. ',"status":{"before":' .. status[1] .. ',"after":' .. status[2] .. '}'
  end
  if #changed > 0 then record = record .. ',"changed":' .. cjson.encode(changed) end
  local history = ARGV[5] .. id
  if redis.call('LPUSH', history, record .. '}') > tonumber(ARGV[7]) then
    local dropped = string.match(redis.call('RPOP', history), '^{"id":"([^"]*)"')
    if dropped then redis.call('DEL', ARGV[6] .. dropped) end
  end
  if it[13] ~= '' then
    redis.call('SET', ARGV[6] .. it[11], it[14], 'PX', it[13])
  end
  return {outcome, id}
end

local replies = {}
for i = HEAD + 1, #ARGV do
  local ok, reply = pcall(ingest, ARGV[i])
  if not ok then
    reply = {'error', type(reply) == 'table' and reply.err or tostring(reply)}
  end
  replies[#replies + 1] = reply
end
redis.call('EXPIRE', KEYS[2], ARGV[3])
redis.call('EXPIRE', KEYS[5], ARGV[8])
return replies
