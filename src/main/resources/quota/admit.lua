-- Admits a request atomically across its scopes, or refuses it by the first failing limit, or reports the budget
-- counters Redis does not have (the caller seeds them from the ledger and runs this again).
-- ARGV: prefix, now, reservation ttl, reservation id, tokens, cost nanos, day period, day end, month period, month end,
-- then 8 per scope with some limit, in the request's order: id, rpm, tpm, max parallel, daily tokens, monthly tokens,
-- daily nanos, monthly nanos ('' = no limit).
-- Returns {'unseeded', (scope, period, n, n recorded attempts)...} | {'refused', scope, limit, retry ms, status...}
-- | {'admitted', status...}; status: rpm limit, remaining, ms to full, tpm limit, remaining, ms to full (nil = none).
local prefix, now, ttl, rid = ARGV[1], tonumber(ARGV[2]), tonumber(ARGV[3]), ARGV[4]
local tokens_arg, cost_arg = ARGV[5], ARGV[6]
local est, est_cost = tonumber(tokens_arg), tonumber(cost_arg)
local periods = { d = { key = ARGV[7], ends = tonumber(ARGV[8]) }, m = { key = ARGV[9], ends = tonumber(ARGV[10]) } }

local scopes = {}
for i = 11, #ARGV, 8 do
  scopes[#scopes + 1] = { id = ARGV[i], rpm = limit(ARGV[i + 1]), tpm = limit(ARGV[i + 2]),
    parallel = limit(ARGV[i + 3]), dt = limit(ARGV[i + 4]), mt = limit(ARGV[i + 5]), du = limit(ARGV[i + 6]),
    mu = limit(ARGV[i + 7]) }
end

-- 1. expired reservations first
for _, s in ipairs(scopes) do purge(prefix, s.id, now) end

-- 2. budget counters Redis does not have are reported, not decided on
local unseeded = { 'unseeded' }
local function read_counter(s, p)
  local period = periods[p].key
  local counter = redis.call('HMGET', key(prefix, s.id, 'spent:' .. period), 'tokens', 'cost', 'seeded')
  if counter[3] == '1' then
    s[p .. '_tokens'], s[p .. '_cost'] = tonumber(counter[1]) or 0, tonumber(counter[2]) or 0
    return
  end
  local recorded = redis.call('SMEMBERS', key(prefix, s.id, 'unseeded:' .. period))
  unseeded[#unseeded + 1] = s.id
  unseeded[#unseeded + 1] = period
  unseeded[#unseeded + 1] = #recorded
  for _, attempt in ipairs(recorded) do unseeded[#unseeded + 1] = attempt end
end
for _, s in ipairs(scopes) do
  if s.dt or s.du then read_counter(s, 'd') end
  if s.mt or s.mu then read_counter(s, 'm') end
end
if #unseeded > 1 then return unseeded end

-- 3. the scopes' buckets refilled to now, their active reservations and what these hold
for _, s in ipairs(scopes) do
  if s.rpm or s.tpm then
    local rate = redis.call('HMGET', key(prefix, s.id, 'rate'), 'r', 'r_at', 't', 't_at')
    if s.rpm then s.r, s.r_at = refill(rate[1], rate[2], s.rpm, now) end
    if s.tpm then s.t, s.t_at = refill(rate[3], rate[4], s.tpm, now) end
  end
  s.active = redis.call('ZCARD', key(prefix, s.id, 'res'))
  local held = redis.call('HMGET', key(prefix, s.id, 'held'), 'tokens', 'cost')
  s.held_tokens, s.held_cost = tonumber(held[1]) or 0, tonumber(held[2]) or 0
end

local function tightest(cap_field, tokens_field)
  local best
  for _, s in ipairs(scopes) do
    local cap = s[cap_field]
    if cap then
      local remaining = math.max(0, math.floor(s[tokens_field]))
      if best == nil or remaining < best[2] then best = { cap, remaining, full_in(s[tokens_field], cap) } end
    end
  end
  return best or { false, false, false }
end

local function status()
  local r, t = tightest('rpm', 'r'), tightest('tpm', 't')
  return r[1], r[2], r[3], t[1], t[2], t[3]
end

-- 4. the first limit refusing: each limit in this order, over the scopes in the request's order
local function wait(missing, cap) return math.max(1, math.ceil(missing * MINUTE / cap)) end
local function until_end(p) return math.max(1, periods[p].ends - now) end
local function over(budget, spent, held, estimate) return budget and spent + held + estimate > budget end
local checks = {
  { 'PARALLEL', function(s) if s.parallel and s.active >= s.parallel then return 1000 end end },
  { 'RPM', function(s) if s.rpm and s.r < 1 then return wait(1 - s.r, s.rpm) end end },
  { 'TPM', function(s)
    if s.tpm then
      local need = math.min(est, s.tpm) -- a request larger than the bucket waits for a full bucket, then goes into debt
      if s.t < need then return wait(need - s.t, s.tpm) end
    end
  end },
  { 'DAILY_TOKENS', function(s) if over(s.dt, s.d_tokens, s.held_tokens, est) then return until_end('d') end end },
  { 'MONTHLY_TOKENS', function(s) if over(s.mt, s.m_tokens, s.held_tokens, est) then return until_end('m') end end },
  { 'DAILY_USD', function(s) if over(s.du, s.d_cost, s.held_cost, est_cost) then return until_end('d') end end },
  { 'MONTHLY_USD', function(s) if over(s.mu, s.m_cost, s.held_cost, est_cost) then return until_end('m') end end },
}
for _, check in ipairs(checks) do
  for _, s in ipairs(scopes) do
    local retry = check[2](s)
    if retry then return { 'refused', s.id, check[1], retry, status() } end
  end
end

-- 5. all pass: hold the reservation in every scope (an id already held is replaced), take from the buckets
for _, s in ipairs(scopes) do
  unhold(prefix, s.id, rid)
  local reservations, amounts, sums = key(prefix, s.id, 'res'), key(prefix, s.id, 'amt'), key(prefix, s.id, 'held')
  redis.call('ZADD', reservations, now + ttl, rid)
  redis.call('HSET', amounts, rid, tokens_arg .. ' ' .. cost_arg)
  redis.call('HINCRBY', sums, 'tokens', tokens_arg)
  redis.call('HINCRBY', sums, 'cost', cost_arg)
  for _, k in ipairs({ reservations, amounts, sums }) do keep(k, ttl + MINUTE) end
  if s.rpm or s.tpm then
    local rate, full = key(prefix, s.id, 'rate'), 0
    if s.rpm then
      s.r = s.r - 1
      redis.call('HSET', rate, 'r', fmt(s.r), 'r_at', fmt(s.r_at))
      full = math.max(full, full_in(s.r, s.rpm))
    end
    if s.tpm then
      s.t = s.t - est
      redis.call('HSET', rate, 't', fmt(s.t), 't_at', fmt(s.t_at))
      full = math.max(full, full_in(s.t, s.tpm))
    end
    keep(rate, full + MINUTE)
  end
end
return { 'admitted', status() }
