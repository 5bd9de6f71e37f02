-- wrk script: the same small non-streaming chat request on every call
wrk.method = "POST"
wrk.body   = '{"model":"MODEL","messages":[{"role":"user","content":"hi"}]}'
wrk.headers["Content-Type"] = "application/json"
