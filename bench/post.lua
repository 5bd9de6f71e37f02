-- wrk script: the same small non-streaming chat request on every call
wrk.method = "POST"
wrk.body   = '{"model":"MODEL","messages":[{"role":"user","content":"hi"}]}'
wrk.headers["Content-Type"] = "application/json"
-- extra headers, if any, as for bench/StreamClient.java: BENCH_HEADERS="Name: value|Name2: value2" (the peer needs them)
for header in string.gmatch(os.getenv("BENCH_HEADERS") or "", "[^|]+") do
  local name, value = string.match(header, "^%s*([^:]-)%s*:%s*(.-)%s*$")
  if name and name ~= "" then wrk.headers[name] = value end
end
