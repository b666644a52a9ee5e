-- Add members the cluster does not list yet and count them in, creating its record first if
-- need be; a resolved cluster that had items and gains one is regressed (cluster_status.py).
-- KEYS[1] is the project's clusters-by-time, KEYS[2] its cluster statuses, then each cluster's
-- record and members, then each cluster's hours. ARGV[1] is the regressed status's JSON,
-- ARGV[2] the hours kept; then for each cluster: id, doc JSON, n, then n times (item id,
-- source, occurrences, first seen, last seen, last seen ms, service or "").
-- Times are fixed-width ISO strings: string order is time order.
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
