package dev.camelgateway.quota;

import dev.camelgateway.support.FakeUpstream;
import dev.camelgateway.support.FakeUpstream.Reply;
import dev.camelgateway.support.GatewayProcess;
import dev.camelgateway.support.FreePorts;
import dev.camelgateway.support.PrivateRedis;
import dev.camelgateway.support.TestSecrets;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two gateway instances, each a JVM of its own, on one Redis (a private one: this test flushes, stops and restarts it)
 * and one PostgreSQL ledger (a database of its own on the shared server): a budget holds across both under concurrent
 * load, the counters equal the ledger, a killed instance's reservations lapse, and a flushed or restarted Redis, or a
 * restarted gateway, leaves the counters equal to the ledger — never a second seed on top (LiteLLM #28247).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoInstancesShareLimitsTest {
    /** What the fake upstream reports for every answer: 5 + 20 tokens. The gateway's estimate: 8 (prompt) + 20. */
    private static final long USED = 25;
    private static final long BUDGET = 3000;
    private static final String SHARED = "sk-gw-shared-" + "Qv7Rm2Tx9Lk4Wz8Np3Hc6Yd1";
    private static final String SLOTS = "sk-gw-slots-" + "Bf5Jq8Us2Xe7Gm4Ka9Pw3Vt6";
    private static final String LEDGERED = "sk-gw-ledgered-" + "Zr4Nc8Hy2Qm6Lx9Tb3Wf7Dk";
    private static final String RATED = "sk-gw-rated-" + "Ms3Vg7Pk1Ry5Jd9Cx2Hn6Qe";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final FakeUpstream upstream = new FakeUpstream();
    private PrivateRedis redis;
    private LedgerDatabase ledger;
    private GatewayProcess a;
    private GatewayProcess b;
    private RedisClient redisClient;
    private StatefulRedisConnection<String, String> redisConnection;

    @BeforeAll
    void startTwoGateways() throws Exception {
        redis = PrivateRedis.start();
        ledger = LedgerDatabase.create();
        a = gateway("a");
        b = gateway("b");
        ExecutorService starting = Executors.newFixedThreadPool(2);
        CompletableFuture.allOf(CompletableFuture.runAsync(a::start, starting), CompletableFuture.runAsync(b::start, starting))
                .get(4, TimeUnit.MINUTES);
        starting.shutdown();
        redisClient = RedisClient.create(redis.uri());
        redisConnection = redisClient.connect();
    }

    /** Replies a test scripted and did not use (the refused requests of the first) are not the next test's. */
    @BeforeEach
    void quietUpstream() {
        upstream.reset();
    }

    @AfterAll
    void stopEverything() {
        upstream.reset(); // releases held answers
        for (AutoCloseable closeable : new AutoCloseable[] {a, b, redisConnection, upstream, redis, ledger}) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception e) {
                // the next closes still run
            }
        }
        if (redisClient != null) {
            redisClient.shutdown();
        }
    }

    @Test
    @Order(1)
    void twoHundredConcurrentRequestsOnTwoInstancesNeverSpendMoreThanTheBudget() throws Exception {
        for (int i = 0; i < 200; i++) {
            upstream.enqueue("/openai/v1/chat/completions", answer());
        }
        ExecutorService clients = Executors.newFixedThreadPool(32);
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            GatewayProcess instance = i % 2 == 0 ? a : b;
            calls.add(CompletableFuture.supplyAsync(() -> chat(instance, SHARED), clients));
        }
        int admitted = 0;
        for (CompletableFuture<HttpResponse<String>> call : calls) {
            HttpResponse<String> response = call.get(2, TimeUnit.MINUTES);
            if (response.statusCode() == 200) {
                admitted++;
            } else {
                assertThat(response.statusCode()).as(response.body()).isEqualTo(429);
                assertThat(response.body()).contains("\"code\":\"budget_exceeded\"");
                assertThat(response.headers().firstValue("x-should-retry")).hasValue("false");
            }
        }
        clients.shutdown();
        // every estimate (28) covers its use (25): the budget holds exactly; and it was not refused early either
        assertThat(admitted * USED).isLessThanOrEqualTo(BUDGET);
        assertThat(admitted).isGreaterThanOrEqualTo((int) (BUDGET / 28));
        assertThat(ledger.awaitRows("shared", admitted)).isEqualTo(admitted * USED);
        assertThat(counter("shared")).isEqualTo(admitted * USED); // settled = the sum of the key's ledger rows
    }

    @Test
    @Order(2)
    void aKilledInstancesReservationsLapse() throws Exception {
        for (int i = 0; i < 3; i++) {
            upstream.enqueue("/openai/v1/chat/completions", Reply.silent());
        }
        int before = upstream.received().size();
        List<CompletableFuture<HttpResponse<String>>> held = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            held.add(CompletableFuture.supplyAsync(() -> chat(b, SLOTS)));
        }
        assertThat(upstream.awaitReceived(before + 3, 30, TimeUnit.SECONDS)).isTrue(); // the three, held upstream
        HttpResponse<String> fourth = chat(a, SLOTS);
        assertThat(fourth.statusCode()).isEqualTo(429);
        assertThat(fourth.body()).contains("parallel requests").contains("\"code\":\"rate_limit_exceeded\"");

        b.kill(); // its three requests never end: nobody gives their slots back
        assertThat(chat(a, SLOTS).statusCode()).isEqualTo(429);
        upstream.reset();
        Thread.sleep(3_500); // gateway.quota.reservation-ttl (3s) has passed
        upstream.enqueue("/openai/v1/chat/completions", answer());
        assertThat(chat(a, SLOTS).statusCode()).isEqualTo(200);
        held.forEach(call -> call.cancel(true));
        b.start(); // for what follows
    }

    @Test
    @Order(3)
    void flushAllRedisRestartAndGatewayRestartEachLeaveTheCountersEqualToTheLedger() throws Exception {
        int rows = 0;
        rows += admittedOn(List.of(a, b, a, b), LEDGERED);
        assertThat(counter("ledgered")).isEqualTo(ledger.awaitRows("ledgered", rows));

        redis.flushAll(); // both instances find the counter gone and seed it at once: one seed, not two
        rows += admittedOn(List.of(a, b, a, b), LEDGERED);
        assertThat(ledger.awaitRows("ledgered", rows)).isEqualTo(rows * USED);
        assertThat(counter("ledgered")).isEqualTo(rows * USED);

        redis.restart(); // nothing kept (no persistence), scripts gone too
        rows += admittedOn(List.of(b, a), LEDGERED);
        assertThat(ledger.awaitRows("ledgered", rows)).isEqualTo(rows * USED);
        assertThat(counter("ledgered")).isEqualTo(rows * USED);

        a.stop();
        a.start(); // a gateway restart: Redis kept the counters, nothing is seeded on top of them
        rows += admittedOn(List.of(a, b), LEDGERED);
        assertThat(ledger.awaitRows("ledgered", rows)).isEqualTo(rows * USED);
        assertThat(counter("ledgered")).isEqualTo(rows * USED);
    }

    @Test
    @Order(4)
    void redisDownRefusesBudgetsAndAdmitsRateLimitedKeys() throws Exception {
        redis.stop();
        int before = upstream.received().size();
        HttpResponse<String> budgeted = chat(a, LEDGERED);
        assertThat(budgeted.statusCode()).as(budgeted.body()).isEqualTo(503); // budgets fail closed
        assertThat(budgeted.body()).contains("\"code\":\"quota_unavailable\"");
        assertThat(budgeted.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(upstream.received()).hasSize(before);
        upstream.enqueue("/openai/v1/chat/completions", answer());
        assertThat(chat(a, RATED).statusCode()).isEqualTo(200); // rate limits fail open
        assertThat(upstream.received()).hasSize(before + 1);

        redis.restart();
        assertThat(admittedOn(List.of(a), LEDGERED)).isEqualTo(1); // admitted again once Redis answers
    }

    /**
     * One request per instance listed, in parallel, each repeated while the store is reconnecting (503
     * quota_unavailable: no upstream call, no row); the number answered 200 (all: the budget is large).
     */
    private int admittedOn(List<GatewayProcess> instances, String key) throws Exception {
        instances.forEach(i -> upstream.enqueue("/openai/v1/chat/completions", answer()));
        List<CompletableFuture<HttpResponse<String>>> calls = instances.stream()
                .map(instance -> CompletableFuture.supplyAsync(() -> chatOnceTheStoreAnswers(instance, key))).toList();
        for (CompletableFuture<HttpResponse<String>> call : calls) {
            HttpResponse<String> response = call.get(1, TimeUnit.MINUTES);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        }
        return instances.size();
    }

    private static HttpResponse<String> chatOnceTheStoreAnswers(GatewayProcess instance, String key) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        HttpResponse<String> response = chat(instance, key);
        while (response.statusCode() == 503 && response.body().contains("quota_unavailable") && System.nanoTime() < deadline) {
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return response;
            }
            response = chat(instance, key);
        }
        return response;
    }

    /** The key's settled tokens today, as Redis holds them. */
    private long counter(String keyId) {
        String value = redisConnection.sync().hget("cgw:key:" + keyId + ":spent:" + QuotaPeriods.day(Instant.now()).key(),
                "tokens");
        return value == null ? -1 : Long.parseLong(value);
    }

    private static Reply answer() {
        return Reply.json(200, """
                {"id":"chatcmpl-1","object":"chat.completion","created":1,"model":"gpt-4o-mini","choices":[{"index":0,
                "message":{"role":"assistant","content":"ok"},"finish_reason":"stop"}],
                "usage":{"prompt_tokens":5,"completion_tokens":20,"total_tokens":25}}""");
    }

    private static HttpResponse<String> chat(GatewayProcess instance, String key) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(instance.url("/v1/chat/completions")))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + key)
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"openai/gpt-4o-mini\",\"max_tokens\":20,"
                        + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")).build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private GatewayProcess gateway(String name) throws IOException {
        Path files = Files.createTempDirectory("gateway-" + name);
        List<String> arguments = new ArrayList<>(List.of(
                "--gateway.ledger.url=" + ledger.url(), "--gateway.ledger.username=" + LedgerDatabase.USER,
                "--gateway.ledger.spool.directory=" + files.resolve("spool"),
                "--gateway.ledger.dead-letter.directory=" + files.resolve("dead-letter"),
                "--gateway.quota.redis-url=" + redis.uri(), "--gateway.quota.reservation-ttl=3s",
                // the subject is the shared arithmetic, not Redis latency: two freshly started JVMs taking 200
                // concurrent requests on two busy cores can miss the 500 ms default (then 503 quota_unavailable,
                // which StoreHealthTest and RedisQuotaStoreRecoveryTest cover)
                "--gateway.quota.redis-timeout=2s",
                "--gateway.providers.openai.base-url=" + upstream.url("/openai/v1"),
                "--logging.level.root=WARN", "--logging.level.dev.camelgateway=INFO"));
        key(arguments, "shared", SHARED, "limits.daily-budget-tokens=" + BUDGET);
        key(arguments, "slots", SLOTS, "limits.max-parallel-requests=3");
        key(arguments, "ledgered", LEDGERED, "limits.daily-budget-tokens=100000000");
        key(arguments, "rated", RATED, "limits.rpm=100000");
        return new GatewayProcess(name, FreePorts.next(), FreePorts.next(), arguments,
                Map.of("OPENAI_API_KEY", "sk-upstream-" + "Hq2Wv8Lr4Tz6Nb1Yx5Kc9Jm3"));
    }

    /** A key declared as a deployment declares it: the secret from a file (never on a command line). */
    private static void key(List<String> arguments, String id, String secret, String limit) {
        Path file = TestSecrets.write("quota-" + id, secret + "\n");
        arguments.add("--gateway.auth.keys." + id + ".secret-file=" + file);
        arguments.add("--gateway.auth.keys." + id + "." + limit);
    }
}
