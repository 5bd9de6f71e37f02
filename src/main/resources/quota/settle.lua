-- Adds one attempt's real usage, once per scope (a marker per attempt, kept an hour): to the day and month counters of
-- a budgeted scope (recording the attempt while the counter is unseeded) and from the tpm bucket (which may go into
-- debt). The request's reservation, if still held, is kept for another reservation ttl (its request is alive: the
-- ttl need only outlast one attempt); a settle after the reservation expired counts all the same.
-- ARGV: prefix, now, attempt id (request id#attempt), tokens, cost nanos, day period, ms until the day counter
-- expires, month period, ms until the month counter expires, reservation id, reservation ttl, then 3 per scope: id,
-- tpm ('' = none), budgeted (1/0).
local prefix, now, attempt = ARGV[1], tonumber(ARGV[2]), ARGV[3]
local tokens_arg, cost_arg = ARGV[4], ARGV[5]
local counters = { { ARGV[6], tonumber(ARGV[7]) }, { ARGV[8], tonumber(ARGV[9]) } }
local rid, ttl = ARGV[10], tonumber(ARGV[11])

local function add(scope, period, expire_in)
  if expire_in <= 0 then return end -- a period whose counter is gone already
  local counter = key(prefix, scope, 'spent:' .. period)
  redis.call('HINCRBY', counter, 'tokens', tokens_arg)
  redis.call('HINCRBY', counter, 'cost', cost_arg)
  redis.call('PEXPIRE', counter, expire_in)
  if redis.call('HGET', counter, 'seeded') ~= '1' then
    local recorded = key(prefix, scope, 'unseeded:' .. period)
    redis.call('SADD', recorded, attempt)
    redis.call('PEXPIRE', recorded, expire_in)
  end
end

for i = 12, #ARGV, 3 do
  local scope, tpm, budgeted = ARGV[i], limit(ARGV[i + 1]), ARGV[i + 2] == '1'
  local reservations = key(prefix, scope, 'res')
  local expires = tonumber(redis.call('ZSCORE', reservations, rid))
  if expires and expires > now then -- held, not lapsed: a lapsed one is not brought back
    redis.call('ZADD', reservations, 'XX', 'GT', now + ttl, rid)
    for _, k in ipairs({ reservations, key(prefix, scope, 'amt'), key(prefix, scope, 'held') }) do keep(k, ttl + MINUTE) end
  end
  local settled = key(prefix, scope, 'settled')
  if tpm or budgeted then redis.call('ZREMRANGEBYSCORE', settled, '-inf', now) end
  if (tpm or budgeted) and not redis.call('ZSCORE', settled, attempt) then
    redis.call('ZADD', settled, now + HOUR, attempt)
    keep(settled, HOUR + MINUTE)
    if budgeted then
      for _, c in ipairs(counters) do add(scope, c[1], c[2]) end
    end
    if tpm then add_tpm(prefix, scope, tpm, now, -tonumber(tokens_arg)) end
  end
end
return {}
