-- Shared by the quota scripts: RedisQuotaScripts prepends it to each. Keys are derived here from the key prefix and
-- the scope ids (hence a standalone Redis: one script touches several scopes' keys). Time is the gateway's clock in
-- ms, passed as ARGV, never Redis' own; key TTLs are relative, so only the gateway instances' clocks must agree.
-- The arithmetic is TokenBucket's and InMemoryAdmit's, operation for operation.
local MINUTE = 60000
local HOUR = 3600000

-- <prefix><scope id>:<suffix>, e.g. cgw:key:42:rate
local function key(prefix, scope, suffix)
  return prefix .. scope .. ':' .. suffix
end

-- '' is no limit
local function limit(arg)
  if arg == '' then return nil end
  return tonumber(arg)
end

-- a bucket's tokens refilled to now, and its time; a bucket Redis does not have (never used, or forgotten) is full
local function refill(tokens, at, cap, now)
  tokens, at = tonumber(tokens), tonumber(at)
  if tokens == nil or at == nil then return cap, now end
  if now > at then
    tokens = tokens + (now - at) * cap / MINUTE
    at = now
  end
  if tokens > cap then tokens = cap end
  return tokens, at
end

-- exact round trip of a double through a string
local function fmt(number)
  return string.format('%.17g', number)
end

local function full_in(tokens, cap)
  return math.ceil((cap - tokens) * MINUTE / cap)
end

-- sets a key's TTL, never shortening it
local function keep(k, ttl)
  if ttl > redis.call('PTTL', k) then redis.call('PEXPIRE', k, ttl) end
end

-- adds delta (negative: takes) to a scope's tpm bucket refilled to now, never above its capacity when giving back;
-- taking may go into debt
local function add_tpm(prefix, scope, cap, now, delta)
  local rate = key(prefix, scope, 'rate')
  local bucket = redis.call('HMGET', rate, 't', 't_at')
  local t, at = refill(bucket[1], bucket[2], cap, now)
  t = t + delta
  if delta > 0 then t = math.min(cap, t) end
  redis.call('HSET', rate, 't', fmt(t), 't_at', fmt(at))
  keep(rate, full_in(t, cap) + MINUTE)
end

-- removes one reservation's amounts from the scope's running sums; its tokens (a string), or nil when not held
local function unhold(prefix, scope, id)
  local amounts = key(prefix, scope, 'amt')
  local held = redis.call('HGET', amounts, id)
  if not held then return nil end
  local tokens, cost = string.match(held, '^(%d+) (%d+)$')
  local sums = key(prefix, scope, 'held')
  if tokens ~= '0' then redis.call('HINCRBY', sums, 'tokens', '-' .. tokens) end
  if cost ~= '0' then redis.call('HINCRBY', sums, 'cost', '-' .. cost) end
  redis.call('HDEL', amounts, id)
  return tokens
end

-- drops the scope's expired reservations (an instance died): O(expired)
local function purge(prefix, scope, now)
  local reservations = key(prefix, scope, 'res')
  local expired = redis.call('ZRANGEBYSCORE', reservations, '-inf', now)
  if #expired == 0 then return end
  for _, id in ipairs(expired) do unhold(prefix, scope, id) end
  redis.call('ZREMRANGEBYSCORE', reservations, '-inf', now)
end

