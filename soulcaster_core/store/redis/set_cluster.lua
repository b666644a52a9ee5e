-- Only an item that exists gets a cluster: a bare hash would be a broken item.
-- KEYS are item keys; ARGV holds (cluster id or "", assignment json) for each, in order.
for i, key in ipairs(KEYS) do
  if redis.call('EXISTS', key) == 1 then
    local cluster = ARGV[2 * i - 1]
    if cluster == '' then redis.call('HDEL', key, 'cluster_id')
    else redis.call('HSET', key, 'cluster_id', cluster) end
    redis.call('HSET', key, 'clustering', ARGV[2 * i])
  end
end
return 1
