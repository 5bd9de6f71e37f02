# Sourced by bench/run.sh and bench/soak.sh: the benchmark's upstream(s) and the gateway, started the same way.
# The gateway runs the packaged jar with the shipped config and the JVM settings the README recommends
# (GATEWAY_JAVA_OPTS): a fixed 512 MiB heap, touched at start, so that memory use is known from the start instead of
# creeping up as G1 grows the heap (a soak measured 399 → 755 MiB in its first minutes, then flat).
GATEWAY_JAVA_OPTS=${GATEWAY_JAVA_OPTS:--Xms512m -Xmx512m -XX:+AlwaysPreTouch -XX:+ExitOnOutOfMemoryError}
# The management port (health, metrics) is the API port + 1; the benchmark reads heap metrics as this operator.
BENCH_OPERATOR="bench:bench-$RANDOM$RANDOM"
# The gateway key the load generators send (a key without limits: the chat path as most keys take it). Given to the
# gateway in the environment, as a deployment gives it; the upstream ignores the header.
BENCH_KEY="sk-gw-bench-$(head -c 18 /dev/urandom | base64 | tr '+/' 'xy')"
export BENCH_HEADERS="Authorization: Bearer $BENCH_KEY"

# start_upstream PORT EVENTS GAP_MS: an OpenAI-compatible upstream in its own JVM. Keep-alive as a real provider's:
# the JDK server closes idle connections above 200 at once, and the next call on such a pooled connection fails.
start_upstream() {
  java -Xmx512m -Dsun.net.httpserver.nodelay=true -Dsun.net.httpserver.maxIdleConnections=4096 \
    bench/FastUpstream.java "$1" "$2" "$3" >"$WORK/upstream-$1.log" 2>&1 & PIDS+=($!)
}

# start_gateway PORT [--more.properties=...]: sets GWPID and GWM (its management port). The ledger is the shipped default, an H2 file (in the run's
# temporary folder): an in-memory H2 ledger keeps every row on the heap, which a soak would report as growth.
start_gateway() {
  local port=$1; shift
  GWM=$((port + 1))
  cp target/camel-llm-gateway.jar "$WORK/gateway.jar"
  # shellcheck disable=SC2086
  GATEWAY_MANAGEMENT_OPERATORS_0_USERNAME=${BENCH_OPERATOR%%:*} GATEWAY_MANAGEMENT_OPERATORS_0_PASSWORD=${BENCH_OPERATOR#*:} \
  GATEWAY_AUTH_KEYS_BENCH_SECRET=$BENCH_KEY \
  java $GATEWAY_JAVA_OPTS -jar "$WORK/gateway.jar" --server.port="$port" --management.server.port="$GWM" \
    --logging.level.root=WARN --gateway.ledger.url="jdbc:h2:file:$WORK/ledger" "$@" >"$WORK/gw.log" 2>&1 & GWPID=$!; PIDS+=($GWPID)
}

# wait_ready URL...: each answers, with anything but 503 (up to 2 minutes).
wait_ready() {
  for _ in $(seq 1 120); do
    local all=1
    for url in "$@"; do
      case $(curl -s -o /dev/null -w '%{http_code}' "$url") in 000|503) all=0 ;; esac
    done
    [ $all = 1 ] && return 0
    sleep 1
  done
  echo "not ready: $*"; return 1
}
