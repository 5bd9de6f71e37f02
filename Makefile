# Camel LLM Gateway — the README explains each target.
MVN ?= mvn -B -q
JAR := target/camel-llm-gateway.jar
# JVM settings of `make run` (the README explains the heap limit).
JAVA_OPTS ?= -Xms512m -Xmx512m -XX:+AlwaysPreTouch -XX:+ExitOnOutOfMemoryError

.PHONY: run test package bench bench-peer bench-soak clean

# Start the gateway on :8080 from the sources, with live reload of routes/*.yaml.
# With no provider key set, model "demo" (or "demo/<anything>") answers through the built-in demo upstream.
run:
	$(MVN) -DskipTests package
	cp $(JAR) target/run.jar   # run a copy: rebuilding the jar under a running JVM breaks class loading
	java $(JAVA_OPTS) -jar target/run.jar --spring.profiles.active=demo --camel.main.routes-reload-enabled=true $(ARGS)

# Every test: unit, route and end-to-end (real HTTP fake upstreams, the official OpenAI Java SDK as client).
test:
	mvn -B test

# The runnable jar (target/camel-llm-gateway.jar); run it from the project root so ./config and ./routes are found.
package:
	$(MVN) -DskipTests package

# The benchmark (not part of `make test`): gateway vs direct, same fast upstream, same load generator (wrk).
bench: package
	bash bench/run.sh

# The same benchmark with a peer measured side by side in the same invocation: the Portkey open-source gateway
# (bench/peer, pinned, installed from the npm registry on first use; needs node and npm).
bench-peer:
	BENCH_PEER=1 $(MAKE) bench

# Memory growth: RSS through a 10-minute steady, moderate load (BENCH_SOAK sets the length).
bench-soak: package
	bash bench/soak.sh

clean:
	$(MVN) clean
