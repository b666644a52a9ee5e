-- The ready set: which projects may have queue entries not yet acknowledged. Each signal takes a
-- new number from a sequence and gives it to its projects as their score, so a worker that saw
-- a project at score n, then found its stream empty, removes it only if no signal came since
-- (scores never repeat: no ABA). The wake stream only wakes blocked workers; losing entries of
-- it loses nothing. KEYS: ready zset, sequence, wake stream; ARGV: wake maxlen, project ids.
local n = redis.call('INCR', KEYS[2])
for i = 2, #ARGV do redis.call('ZADD', KEYS[1], n, ARGV[i]) end
redis.call('XADD', KEYS[3], 'MAXLEN', '~', ARGV[1], '*', 'n', n)
return n
