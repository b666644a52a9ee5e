"""Redis scripts and encodings of clusters (``store/cluster_records.py`` says the layout).

Per project (all under its hash tag, so each script runs on one shard):
``cluster:{p}:<id>`` a hash, the record: ``doc`` (JSON), ``items``, ``occurrences``,
``first_seen``, ``last_seen``, ``last_ms``, ``seq`` (members so far, for their order),
``src:<source>`` (items per source) and ``svc:<service>`` (items per service);
``cluster-items:{p}:<id>`` a sorted set of item ids scored by the order they joined in;
``cluster-hours:{p}:<id>`` a hash of occurrences per hour (``Store.cluster_hours``);
``clusters-by-time:{p}`` a sorted set of cluster ids scored by last seen (ms), for the listing.
"""

from __future__ import annotations

from collections.abc import Mapping

from ..models import Cluster
from .cluster_records import from_record

# Add members the cluster does not list yet and count them in, creating its record first if
# need be; a resolved cluster that had items and gains one is regressed (cluster_status.py).
# KEYS[1] is the project's clusters-by-time, KEYS[2] its cluster statuses, then each cluster's
# record and members, then each cluster's hours. ARGV[1] is the regressed status's JSON,
# ARGV[2] the hours kept; then for each cluster: id, doc JSON, n, then n times (item id,
# source, occurrences, first seen, last seen, last seen ms, service or "").
# Times are fixed-width ISO strings: string order is time order.
ADD_MEMBERS_LUA = """
local at = 3
local c = 0
local clusters = (#KEYS - 2) / 3
while at <= #ARGV do
  c = c + 1
  local record, members = KEYS[2 * c + 1], KEYS[2 * c + 2]
  local hours, latest = KEYS[2 + 2 * clusters + c], nil
  local id, n = ARGV[at], tonumber(ARGV[at + 2])
  redis.call('HSETNX', record, 'doc', ARGV[at + 1])
  at = at + 3
  local f = redis.call('HMGET', record, 'items', 'occurrences', 'first_seen', 'last_seen',
                       'last_ms', 'seq')
  local items, occurrences = tonumber(f[1]) or 0, tonumber(f[2]) or 0
  local had = items
  local first, last = f[3] or '', f[4] or ''
  local last_ms, seq = tonumber(f[5]) or -1, tonumber(f[6]) or 0
  for _ = 1, n do
    local item = ARGV[at]
    if not redis.call('ZSCORE', members, item) then
      seq = seq + 1
      redis.call('ZADD', members, seq, item)
      items = items + 1
      occurrences = occurrences + tonumber(ARGV[at + 2])
      redis.call('HINCRBY', record, 'src:' .. ARGV[at + 1], 1)
      if ARGV[at + 6] ~= '' then redis.call('HINCRBY', record, 'svc:' .. ARGV[at + 6], 1) end
      local hour = math.floor(tonumber(ARGV[at + 5]) / 3600000)
      redis.call('HINCRBY', hours, hour, tonumber(ARGV[at + 2]))
      if not latest or hour > latest then latest = hour end
      if first == '' or ARGV[at + 3] < first then first = ARGV[at + 3] end
      if last == '' or ARGV[at + 4] > last then
        last = ARGV[at + 4]
        last_ms = tonumber(ARGV[at + 5])
      end
    end
    at = at + 7
  end
  -- Hours past the sparklines' reach go, once the hash holds more than it needs.
  if latest and redis.call('HLEN', hours) > tonumber(ARGV[2]) + 24 then
    for _, hour in ipairs(redis.call('HKEYS', hours)) do
      if tonumber(hour) < latest - tonumber(ARGV[2]) then redis.call('HDEL', hours, hour) end
    end
  end
  redis.call('HSET', record, 'items', items, 'occurrences', occurrences, 'first_seen', first,
             'last_seen', last, 'last_ms', last_ms, 'seq', seq)
  redis.call('ZADD', KEYS[1], last_ms, id)
  if had > 0 and items > had then
    local status = redis.call('HGET', KEYS[2], id)
    if status and cjson.decode(status)['status'] == 'resolved' then
      redis.call('HSET', KEYS[2], id, ARGV[1])
    end
  end
end
return 1
"""

# Take members out and count them out; a cluster left empty is deleted. KEYS: record,
# members, clusters-by-time, hours. ARGV: cluster id, then (item id, source, occurrences,
# service or "", hour last seen) per member.
REMOVE_MEMBERS_LUA = """
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
"""

# Replace a record's fields; a listed source or service keeps its count (1 when new), others
# go. KEYS: record, clusters-by-time. ARGV: id, doc, items, occurrences, first seen, last seen,
# last seen ms, then the fields of the sources and services (src:<source>, svc:<service>).
SAVE_RECORD_LUA = """
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
"""

# A cluster's incident, set in its record's JSON (the record exists: a cluster left empty and
# deleted gets none). KEYS: record. ARGV: incident id, "" for none. (The record's JSON holds
# strings and numbers only, which cjson writes back alike.)
SET_CLUSTER_INCIDENT_LUA = """
local doc = redis.call('HGET', KEYS[1], 'doc')
if not doc then return 0 end
local data = cjson.decode(doc)
if ARGV[1] == '' then data['incident_id'] = cjson.null else data['incident_id'] = ARGV[1] end
redis.call('HSET', KEYS[1], 'doc', cjson.encode(data))
return 1
"""


def cluster_of(fields: Mapping[str, str]) -> Cluster | None:
    """The cluster a record's hash holds; ``None`` for none (an empty hash)."""
    doc = fields.get("doc")
    if doc is None:
        return None
    return from_record(
        doc,
        int(fields.get("items") or 0),
        int(fields.get("occurrences") or 0),
        fields.get("first_seen"),
        fields.get("last_seen"),
        {k[4:]: int(v) for k, v in fields.items() if k.startswith("src:")},
        {k[4:]: int(v) for k, v in fields.items() if k.startswith("svc:")},
    )
