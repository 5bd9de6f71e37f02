#!/usr/bin/env bash
# make bench: the gateway (packaged jar, production settings) against a fast upstream in its own process, with the
# same load generator calling the upstream directly and through the gateway, alternated so machine drift cancels.
# Output: a table on the console and bench/results/<timestamp>.json. Knobs: BENCH_DURATION (wrk run, default 10s),
# BENCH_WARMUP (the peer's warm-up, default 60s; the gateway is warmed until its JIT is quiet),
# GATEWAY_JAVA_OPTS (default: the README's JVM settings), BENCH_UP_PORT, BENCH_SLOW_PORT, BENCH_GW_PORT,
# BENCH_PEER_PORT (19090, 19091, 18080, 18787).
# BENCH_PEER=1 (make bench-peer): every measurement made through the gateway is also made, in the same invocation and
# right after it, through a peer: the Portkey open-source gateway (bench/peer, installed from the npm registry with
# npm ci), same upstreams, same load generators; the report adds the peer's figures and gateway/peer ratios.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "installing wrk (Debian package)"; apt-get install -y -qq wrk >/dev/null; }

UP=${BENCH_UP_PORT:-19090}; SLOW=${BENCH_SLOW_PORT:-19091}; GW=${BENCH_GW_PORT:-18080}; PK=${BENCH_PEER_PORT:-18787}
DURATION=${BENCH_DURATION:-10s}; PEER=${BENCH_PEER:-0}
OUT=bench/results/$(date -u +%Y%m%dT%H%M%SZ).json
WORK=$(mktemp -d)
cleanup() { kill "${PIDS[@]}" 2>/dev/null || true; rm -rf "$WORK"; }
PIDS=(); trap cleanup EXIT
if [ "$PEER" = 1 ]; then
  command -v node >/dev/null && command -v npm >/dev/null || { echo "BENCH_PEER=1 needs node and npm"; exit 1; }
  # patch-package (its only install script) has no patches to apply in the published package: scripts off
  [ -d bench/peer/node_modules ] || (cd bench/peer && npm ci --ignore-scripts --no-audit --no-fund)
fi

source bench/start.sh
start_upstream $UP 200 0
start_upstream $SLOW 50 100
start_gateway $GW --gateway.providers.openai.base-url=http://127.0.0.1:$UP/v1 \
  --gateway.providers.ollama.base-url=http://127.0.0.1:$SLOW/v1
if [ "$PEER" = 1 ]; then
  # node itself, not npm nor a shell: its PID is the one whose /proc/PID/stat and VmRSS are read
  NODE_ENV=production node bench/peer/node_modules/@portkey-ai/gateway/build/start-server.js --port=$PK --headless \
    >"$WORK/peer.log" 2>&1 & PEERPID=$!; PIDS+=($PEERPID)
  # Portkey's OpenAI provider pointed at the benchmark's upstreams (127.0.0.1 is a trusted custom host by default)
  PEER_FAST="x-portkey-provider: openai|x-portkey-custom-host: http://127.0.0.1:$UP/v1|Authorization: Bearer x"
  PEER_SLOW="x-portkey-provider: openai|x-portkey-custom-host: http://127.0.0.1:$SLOW/v1|Authorization: Bearer x"
  peer_stream() { BENCH_HEADERS="$1" java bench/StreamClient.java \
    "http://127.0.0.1:$PK/v1/chat/completions" "$2" "$3" bench; }
fi
wait_ready "http://127.0.0.1:$GWM/actuator/health" "http://127.0.0.1:$UP/" "http://127.0.0.1:$SLOW/"
[ "$PEER" != 1 ] || wait_ready "http://127.0.0.1:$PK/"
if [ "$PEER" = 1 ]; then
  [ "$(cat "/proc/$PEERPID/comm")" = node ] || { echo "peer PID $PEERPID is not node"; exit 1; }
  curl -sf -o /dev/null "http://127.0.0.1:$PK/" || { echo "peer did not start:"; cat "$WORK/peer.log"; exit 1; }
fi

sed 's/MODEL/bench/' bench/post.lua >"$WORK/plain.lua"   # model "bench": for the upstream itself and for the peer
sed 's#MODEL#openai/bench#' bench/post.lua >"$WORK/gateway.lua"
cpu() { awk '{print $14+$15}' "/proc/${1:-$GWPID}/stat"; }
wrk_run() { wrk -t"$(( $1 < 2 ? $1 : 2 ))" -c"$1" -d"$2" --latency -s "$WORK/$3.lua" "$4/v1/chat/completions"; }

# Warm-up until the JIT is done: C2 kept compiling for minutes (and took up to a core doing it), so a fixed warm-up
# measured the compiler. Rounds of every measured shape until a round compiles fewer than 100 methods, at most 12.
compiles() { jcmd "$GWPID" PerfCounter.print 2>/dev/null | awk -F= '/sun.ci.totalCompiles=/ {print $2}'; }
echo "warming up the gateway until its JIT is quiet"
for round in $(seq 1 12); do
  before=$(compiles)
  for c in 1 16 64; do wrk_run "$c" 8s gateway "http://127.0.0.1:$GW" >/dev/null; done
  java bench/StreamClient.java "http://127.0.0.1:$GW/v1/chat/completions" 500 16 openai/bench >/dev/null
  fresh=$(( $(compiles) - before ))
  echo "  round $round: $fresh methods compiled"
  [ "$fresh" -lt 100 ] && break
done
if [ "$PEER" = 1 ]; then
  echo "warming up the peer (V8 JIT)"
  BENCH_HEADERS="$PEER_FAST" wrk_run 16 "${BENCH_WARMUP:-60s}" plain "http://127.0.0.1:$PK" >/dev/null
  peer_stream "$PEER_FAST" 2000 16 >/dev/null
fi
for c in 1 16 64; do
  wrk_run "$c" "$DURATION" plain "http://127.0.0.1:$UP" >"$WORK/direct-$c.txt"
  before=$(cpu)
  wrk_run "$c" "$DURATION" gateway "http://127.0.0.1:$GW" >"$WORK/gateway-$c.txt"
  echo "$before $(cpu)" >"$WORK/cpu-$c.txt"
  if [ "$PEER" = 1 ]; then
    before=$(cpu "$PEERPID")
    BENCH_HEADERS="$PEER_FAST" wrk_run "$c" "$DURATION" plain "http://127.0.0.1:$PK" >"$WORK/peer-$c.txt"
    echo "$before $(cpu "$PEERPID")" >"$WORK/peer-cpu-$c.txt"
  fi
done
for c in 1 16; do
  java bench/StreamClient.java "http://127.0.0.1:$UP/v1/chat/completions" 500 "$c" bench >"$WORK/sdirect-$c.json"
  java bench/StreamClient.java "http://127.0.0.1:$GW/v1/chat/completions" 500 "$c" openai/bench >"$WORK/sgateway-$c.json"
  if [ "$PEER" = 1 ]; then
    peer_stream "$PEER_FAST" 500 "$c" >"$WORK/speer-$c.json"
  fi
done
java bench/StreamClient.java "http://127.0.0.1:$SLOW/v1/chat/completions" 2000 2000 bench >"$WORK/many-direct.json"
java bench/StreamClient.java "http://127.0.0.1:$GW/v1/chat/completions" 2000 2000 ollama/bench >"$WORK/many-gateway.json"
grep VmRSS "/proc/$GWPID/status" | awk '{print $2}' >"$WORK/rss.txt"
curl -s -u "$BENCH_OPERATOR" "http://127.0.0.1:$GWM/actuator/metrics/jvm.memory.used?tag=area:heap" >"$WORK/heap.json"
if [ "$PEER" = 1 ]; then
  peer_stream "$PEER_SLOW" 2000 2000 >"$WORK/many-peer.json"
  grep VmRSS "/proc/$PEERPID/status" | awk '{print $2}' >"$WORK/peer-rss.txt"
  # peak RSS too (VmHWM), for both: the JVM keeps its heap after a burst, node may give memory back
  grep VmHWM "/proc/$PEERPID/status" | awk '{print $2}' >"$WORK/peer-rss-peak.txt"
  grep VmHWM "/proc/$GWPID/status" | awk '{print $2}' >"$WORK/rss-peak.txt"
fi

python3 bench/report.py "$WORK" "$OUT"
