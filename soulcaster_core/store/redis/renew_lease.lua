-- A lease is only renewed or released by the owner that holds it.
-- KEYS[1] the lease; ARGV: owner, milliseconds.
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return 1
