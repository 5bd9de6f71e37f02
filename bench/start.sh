# Sourced by bench/run.sh and bench/soak.sh: the benchmark's upstream(s) and the gateway, started the same way.
# The gateway runs the packaged jar with the shipped config and production JVM settings (GATEWAY_JAVA_OPTS, default
# -Xmx512m: the heap the README recommends; without a limit the JVM may take a quarter of the machine's memory).
GATEWAY_JAVA_OPTS=${GATEWAY_JAVA_OPTS:--Xmx512m}

# start_upstream PORT EVENTS GAP_MS: an OpenAI-compatible upstream in its own JVM. Keep-alive as a real provider's:
# the JDK server closes idle connections above 200 at once, and the next call on such a pooled connection fails.
start_upstream() {
  java -Xmx512m -Dsun.net.httpserver.nodelay=true -Dsun.net.httpserver.maxIdleConnections=4096 \
    bench/FastUpstream.java "$1" "$2" "$3" >"$WORK/upstream-$1.log" 2>&1 & PIDS+=($!)
}

# start_gateway PORT [--more.properties=...]: sets GWPID.
start_gateway() {
  local port=$1; shift
  cp target/camel-llm-gateway.jar "$WORK/gateway.jar"
  # shellcheck disable=SC2086
  java $GATEWAY_JAVA_OPTS -jar "$WORK/gateway.jar" --server.port="$port" --logging.level.root=WARN \
    --gateway.ledger.url="jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1" "$@" >"$WORK/gw.log" 2>&1 & GWPID=$!; PIDS+=($GWPID)
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
