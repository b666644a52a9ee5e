-- Only an item that exists joins an incident. KEYS are item keys; ARGV their incident ids.
for i, key in ipairs(KEYS) do
  if redis.call('EXISTS', key) == 1 then
    if ARGV[i] == '' then redis.call('HDEL', key, 'incident_id')
    else redis.call('HSET', key, 'incident_id', ARGV[i]) end
  end
end
return 1
