#!/usr/bin/env bash
# bench/ab.sh REV_A REV_B [ROUNDS]: CPU per request of two revisions of the gateway, A/B, on the same upstream process
# and the same load (wrk, 64 connections, small non-streaming requests), alternated ROUNDS times (default 3) so that
# machine drift cancels. Each gateway is warmed first (BENCH_AB_WARMUP, default 90s). Prints one line per run and the
# median per revision. Not part of make bench: for "is this change slower?" questions (BENCHMARKS.md cites it).
# BENCH_AB_B_ARGS: more gateway arguments for B only, to weigh a setting on one revision (A and B may be the same),
# e.g. BENCH_AB_B_ARGS=--gateway.auth.keys.bench.limits.rpm=1000000000 bench/ab.sh HEAD HEAD.
set -euo pipefail
cd "$(dirname "$0")/.."
A=$1; B=$2; ROUNDS=${3:-3}; WARMUP=${BENCH_AB_WARMUP:-90s}; RUN=${BENCH_AB_RUN:-10s}
UP=${BENCH_UP_PORT:-19090}; GW=${BENCH_GW_PORT:-18080}
command -v wrk >/dev/null || apt-get install -y -qq wrk >/dev/null
WORK=$(mktemp -d); PIDS=()
cleanup() { kill "${PIDS[@]}" 2>/dev/null || true; for r in a b; do git worktree remove --force "$WORK/src-$r" 2>/dev/null || true; done; rm -rf "$WORK"; }
trap cleanup EXIT
for r in a b; do
  rev=$A; [ $r = b ] && rev=$B
  git worktree add -q --detach "$WORK/src-$r" "$rev"
  (cd "$WORK/src-$r" && mvn -B -q -DskipTests package) && cp "$WORK/src-$r/target/camel-llm-gateway.jar" "$WORK/$r.jar"
done
source bench/start.sh
start_upstream $UP 200 0
sed 's#MODEL#openai/bench#' bench/post.lua >"$WORK/gateway.lua"
run_one() { # run_one a|b → "req/s cpu-ms-per-request"
  local jar=$WORK/$1.jar
  if curl -s -o /dev/null "http://127.0.0.1:$GW/"; then echo "port $GW is busy: another gateway runs" >&2; exit 1; fi
  # from the revision's own checkout: the jar reads ./config and ./routes, which must be that revision's
  # the bench key is given to both (a revision before gateway keys ignores it)
  (cd "$WORK/src-$1" && GATEWAY_MANAGEMENT_OPERATORS_0_USERNAME=${BENCH_OPERATOR%%:*} GATEWAY_MANAGEMENT_OPERATORS_0_PASSWORD=${BENCH_OPERATOR#*:} \
  GATEWAY_AUTH_KEYS_BENCH_SECRET=$BENCH_KEY \
  exec java $GATEWAY_JAVA_OPTS -jar "$jar" --server.port=$GW --management.server.port=$((GW + 1)) --logging.level.root=WARN \
    --gateway.ledger.url="jdbc:h2:file:$WORK/ledger-$1-$RANDOM" --gateway.providers.openai.base-url=http://127.0.0.1:$UP/v1 \
    $( [ "$1" = b ] && echo "${BENCH_AB_B_ARGS:-}" ) \
    >"$WORK/gw-$1.log" 2>&1) & local pid=$!   # exec: $! is the JVM itself, whose CPU is read
  wait_ready "http://127.0.0.1:$((GW + 1))/actuator/health" "http://127.0.0.1:$UP/" || { tail -30 "$WORK/gw-$1.log" >&2; exit 1; }
  wrk -t2 -c64 -d"$WARMUP" -s "$WORK/gateway.lua" "http://127.0.0.1:$GW/v1/chat/completions" >/dev/null
  local before; before=$(awk '{print $14+$15}' /proc/$pid/stat)
  local out; out=$(wrk -t2 -c64 -d"$RUN" -s "$WORK/gateway.lua" "http://127.0.0.1:$GW/v1/chat/completions")
  local after; after=$(awk '{print $14+$15}' /proc/$pid/stat)
  kill $pid; wait $pid 2>/dev/null || true
  local requests; requests=$(echo "$out" | awk '/requests in/ {print $1}')
  local errors; errors=$(echo "$out" | awk '/Non-2xx|Socket errors/ {print}' | tr '\n' ' ')
  python3 -c "import sys; r=int('$requests'); t=${RUN%s}; tick=$(getconf CLK_TCK); print(f'{r/t:.0f} {(($after-$before)/tick*1000)/r:.3f} $errors')"
}
for round in $(seq 1 "$ROUNDS"); do
  for r in a b; do echo "$r $(run_one $r)" | tee -a "$WORK/results.txt"; done
done
python3 - "$WORK/results.txt" "$A" "$B" <<'PY'
import sys, statistics
rows = [l.split() for l in open(sys.argv[1])]
for r, rev in (("a", sys.argv[2]), ("b", sys.argv[3])):
    rps = [float(x[1]) for x in rows if x[0] == r]; cpu = [float(x[2]) for x in rows if x[0] == r]
    print(f"{r} {rev}: median {statistics.median(rps):.0f} req/s, {statistics.median(cpu):.3f} ms CPU per request (runs: {', '.join(f'{c:.3f}' for c in cpu)})")
PY
