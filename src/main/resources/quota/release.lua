-- Ends a request: its reservation leaves each scope (slot and held amounts) and its estimate goes back to the tpm
-- bucket (capped at capacity). Once: a second release, or one after the reservation expired, changes nothing.
-- ARGV: prefix, now, reservation id, then 2 per scope: id, tpm ('' = none).
local prefix, now, rid = ARGV[1], tonumber(ARGV[2]), ARGV[3]

for i = 4, #ARGV, 2 do
  local scope, tpm = ARGV[i], limit(ARGV[i + 1])
  purge(prefix, scope, now)
  if redis.call('ZREM', key(prefix, scope, 'res'), rid) == 1 then
    local tokens = unhold(prefix, scope, rid)
    if tpm and tokens then add_tpm(prefix, scope, tpm, now, tonumber(tokens)) end
  end
end
return {}
