#!/usr/bin/env bash
# make bench: the gateway (packaged jar, production settings) against a fast upstream in its own process, with the
# same load generator calling the upstream directly and through the gateway, alternated so machine drift cancels.
# Output: a table on the console and bench/results/<timestamp>.json. Knobs: BENCH_DURATION (wrk run, default 10s),
# BENCH_WARMUP (JIT warm-up before the first measured run, default 30s).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "installing wrk (Debian package)"; apt-get install -y -qq wrk >/dev/null; }

UP=19090; SLOW=19091; GW=18080; DURATION=${BENCH_DURATION:-10s}
OUT=bench/results/$(date -u +%Y%m%dT%H%M%SZ).json
WORK=$(mktemp -d)
cleanup() { kill "${PIDS[@]}" 2>/dev/null || true; rm -rf "$WORK"; }
PIDS=(); trap cleanup EXIT

java -Xmx512m -Dsun.net.httpserver.nodelay=true bench/FastUpstream.java $UP 200 0 >"$WORK/up.log" 2>&1 & PIDS+=($!)
java -Xmx512m -Dsun.net.httpserver.nodelay=true bench/FastUpstream.java $SLOW 50 100 >"$WORK/slow.log" 2>&1 & PIDS+=($!)
cp target/camel-llm-gateway.jar "$WORK/gateway.jar"
java -jar "$WORK/gateway.jar" --server.port=$GW --logging.level.root=WARN \
  --gateway.ledger.url="jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1" \
  --gateway.providers.openai.base-url=http://127.0.0.1:$UP/v1 \
  --gateway.providers.ollama.base-url=http://127.0.0.1:$SLOW/v1 >"$WORK/gw.log" 2>&1 & GWPID=$!; PIDS+=($GWPID)
for _ in $(seq 1 120); do
  curl -sf -o /dev/null "http://127.0.0.1:$GW/actuator/health" && curl -s -o /dev/null "http://127.0.0.1:$UP/" && break
  sleep 1
done

sed 's/MODEL/bench/' bench/post.lua >"$WORK/direct.lua"
sed 's#MODEL#openai/bench#' bench/post.lua >"$WORK/gateway.lua"
cpu() { awk '{print $14+$15}' "/proc/$GWPID/stat"; }
wrk_run() { wrk -t"$(( $1 < 2 ? $1 : 2 ))" -c"$1" -d"$2" --latency -s "$WORK/$3.lua" "$4/v1/chat/completions"; }

echo "warming up the gateway (JIT)"
wrk_run 16 "${BENCH_WARMUP:-30s}" gateway "http://127.0.0.1:$GW" >/dev/null
java bench/StreamClient.java "http://127.0.0.1:$GW/v1/chat/completions" 400 16 openai/bench >/dev/null
for c in 1 16 64; do
  wrk_run "$c" "$DURATION" direct "http://127.0.0.1:$UP" >"$WORK/direct-$c.txt"
  before=$(cpu)
  wrk_run "$c" "$DURATION" gateway "http://127.0.0.1:$GW" >"$WORK/gateway-$c.txt"
  echo "$before $(cpu)" >"$WORK/cpu-$c.txt"
done
for c in 1 16; do
  java bench/StreamClient.java "http://127.0.0.1:$UP/v1/chat/completions" 200 "$c" bench >"$WORK/sdirect-$c.json"
  java bench/StreamClient.java "http://127.0.0.1:$GW/v1/chat/completions" 200 "$c" openai/bench >"$WORK/sgateway-$c.json"
done
java bench/StreamClient.java "http://127.0.0.1:$SLOW/v1/chat/completions" 2000 2000 bench >"$WORK/many-direct.json"
java bench/StreamClient.java "http://127.0.0.1:$GW/v1/chat/completions" 2000 2000 ollama/bench >"$WORK/many-gateway.json"
grep VmRSS "/proc/$GWPID/status" | awk '{print $2}' >"$WORK/rss.txt"
curl -s "http://127.0.0.1:$GW/actuator/metrics/jvm.memory.used?tag=area:heap" >"$WORK/heap.json"

python3 bench/report.py "$WORK" "$OUT"
