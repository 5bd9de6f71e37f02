-- Seeds a budget counter Redis lost with the ledger's total, once: only while it is unseeded (a second seeder's seed
-- is a no-op) and only if every attempt settled into it meanwhile was excluded from that total; otherwise returns
-- the attempts recorded now, for the caller to query the ledger again.
-- ARGV: prefix, scope id, period, ms until the counter expires, tokens, cost nanos, then the excluded attempt ids.
-- Returns {'seeded'} | {'changed', recorded attempts...}.
local prefix, scope, period = ARGV[1], ARGV[2], ARGV[3]
local counter, recorded_key = key(prefix, scope, 'spent:' .. period), key(prefix, scope, 'unseeded:' .. period)
if redis.call('HGET', counter, 'seeded') == '1' then return { 'seeded' } end

local excluded = {}
for i = 7, #ARGV do excluded[ARGV[i]] = true end
local recorded = redis.call('SMEMBERS', recorded_key)
for _, attempt in ipairs(recorded) do
  if not excluded[attempt] then
    table.insert(recorded, 1, 'changed')
    return recorded
  end
end

local expire_in = tonumber(ARGV[4])
if expire_in <= 0 then return { 'seeded' } end -- a period whose counter is gone already
redis.call('HINCRBY', counter, 'tokens', ARGV[5])
redis.call('HINCRBY', counter, 'cost', ARGV[6])
redis.call('HSET', counter, 'seeded', '1')
redis.call('PEXPIRE', counter, expire_in)
redis.call('DEL', recorded_key)
return { 'seeded' }
