-- A lease is only released by the owner that holds it.
-- KEYS[1] the lease; ARGV: owner.
if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DEL', KEYS[1]) end
return 1
