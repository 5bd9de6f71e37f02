#!/usr/bin/env bash
# make bench-soak: memory growth under a steady, moderate load. The gateway (packaged jar, production settings) is
# warmed up, its RSS noted, then it serves paced non-streaming requests and a steady trickle of 200-token streams for
# BENCH_SOAK (default 10m); RSS and used heap are sampled every 30 s. Pass: final RSS within 10% of the warm-up RSS.
# Output: a table on the console and bench/results/soak-<timestamp>.json.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "installing wrk (Debian package)"; apt-get install -y -qq wrk >/dev/null; }

UP=${BENCH_UP_PORT:-19090}; GW=${BENCH_GW_PORT:-18080}; SOAK=${BENCH_SOAK:-10m}
OUT=bench/results/soak-$(date -u +%Y%m%dT%H%M%SZ).json
WORK=$(mktemp -d)
cleanup() { kill "${PIDS[@]}" 2>/dev/null || true; rm -rf "$WORK"; }
PIDS=(); trap cleanup EXIT

source bench/start.sh
start_upstream $UP 200 0
start_gateway $GW --gateway.providers.openai.base-url=http://127.0.0.1:$UP/v1
wait_ready "http://127.0.0.1:$GWM/actuator/health" "http://127.0.0.1:$UP/"

# paced: each of 16 connections waits 20 ms between requests (about 700 req/s here): moderate, not saturating
sed 's#MODEL#openai/bench#' bench/post.lua >"$WORK/gateway.lua"
printf 'function delay()\n  return 20\nend\n' >>"$WORK/gateway.lua"
rss() { awk '/VmRSS/ {print $2}' "/proc/$GWPID/status"; }
heap() { curl -s -u "$BENCH_OPERATOR" "http://127.0.0.1:$GWM/actuator/metrics/jvm.memory.used?tag=area:heap" | python3 -c 'import json,sys; print(int(json.load(sys.stdin)["measurements"][0]["value"]))'; }
streams() { while :; do java bench/StreamClient.java "http://127.0.0.1:$GW/v1/chat/completions" 200 4 openai/bench >>"$WORK/streams.json"; done; }

echo "warming up the gateway (JIT), 60 s"
wrk -t2 -c16 -d60s -s "$WORK/gateway.lua" "http://127.0.0.1:$GW/v1/chat/completions" >/dev/null
echo "$(date +%s) $(rss) $(heap)" >"$WORK/samples.txt"
echo "soak: $SOAK, RSS after warm-up $(( $(rss) / 1024 )) MiB"
streams & STREAMS=$!; PIDS+=($STREAMS)
wrk -t2 -c16 -d"$SOAK" --latency -s "$WORK/gateway.lua" "http://127.0.0.1:$GW/v1/chat/completions" >"$WORK/wrk.txt" & WRK=$!
while kill -0 $WRK 2>/dev/null; do
  sleep 30
  echo "$(date +%s) $(rss) $(heap)" >>"$WORK/samples.txt"
  tail -1 "$WORK/samples.txt" | awk '{printf "  RSS %d MiB, heap used %d MiB\n", $2/1024, $3/1048576}'
done
kill $STREAMS 2>/dev/null || true
pkill -f "StreamClient.java http://127.0.0.1:$GW/" || true
python3 - "$WORK" "$OUT" <<'PY'
import json, re, sys, pathlib
work, out = pathlib.Path(sys.argv[1]), sys.argv[2]
samples = [list(map(int, l.split())) for l in (work / "samples.txt").read_text().split("\n") if l.strip()]
wrk = (work / "wrk.txt").read_text()
streams = [json.loads(l) for l in (work / "streams.json").read_text().splitlines() if l.startswith("{")]
start, end = samples[0], samples[-1]
result = {"duration_s": end[0] - start[0], "requests": int(re.search(r"(\d+) requests in", wrk).group(1)),
          "non_2xx": int((re.search(r"Non-2xx or 3xx responses: (\d+)", wrk) or [0, 0])[1]),
          "streams": sum(s["streams"] for s in streams), "streams_intact": sum(s["intact"] for s in streams),
          "rss_after_warmup_mib": start[1] / 1024, "rss_end_mib": end[1] / 1024,
          "rss_max_mib": max(s[1] for s in samples) / 1024, "rss_growth": end[1] / start[1] - 1,
          "heap_used_mib": [round(s[2] / 1048576) for s in samples]}
pathlib.Path(out).write_text(json.dumps(result, indent=2) + "\n")
print(f"soak {result['duration_s']} s: {result['requests']} requests ({result['non_2xx']} non-2xx), "
      f"{result['streams_intact']}/{result['streams']} streams intact; RSS {result['rss_after_warmup_mib']:.0f} MiB after "
      f"warm-up, {result['rss_end_mib']:.0f} MiB at the end ({result['rss_growth']:+.1%}), max {result['rss_max_mib']:.0f} MiB")
print(f"written: {out}")
PY
