package dev.camelgateway.usage;

import dev.camelgateway.GatewayApplication;
import dev.camelgateway.support.TestKeys;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With the ledger's PostgreSQL stopped for 60 s under load and then started again, every attempt has exactly one row
 * afterwards. The PostgreSQL is a private cluster ({@link PrivatePostgres}), never the shared server; the outage
 * length is {@code -Dledger.outage.seconds} (60 by default, as the issue asks).
 */
class LedgerSurvivesADatabaseOutageTest {
    private static final int OUTAGE_SECONDS = Integer.getInteger("ledger.outage.seconds", 60);

    @Test
    void withPostgresStoppedForAMinuteUnderLoadEveryAttemptHasExactlyOneRowAfterwards() throws Exception {
        if (!PrivatePostgres.available()) {
            String message = "no PostgreSQL server binaries at " + PrivatePostgres.BIN + " (set POSTGRES_BIN)";
            if (System.getenv("CI") != null) {
                throw new IllegalStateException(message);
            }
            Assumptions.abort(message);
        }
        Path files = Files.createTempDirectory(Files.createDirectories(Path.of("target", "test-ledgers").toAbsolutePath()), "outage");
        try (PrivatePostgres postgres = PrivatePostgres.create()) {
            int port = freePort();
            Map<String, Integer> attempts = new ConcurrentHashMap<>();
            AtomicInteger refused = new AtomicInteger();
            AtomicBoolean loading = new AtomicBoolean(true);
            ExecutorService clients = Executors.newFixedThreadPool(4);
            try (ConfigurableApplicationContext gateway = new SpringApplicationBuilder(GatewayApplication.class).run(
                    "--server.port=" + port, "--management.server.port=0", "--gateway.ledger.url=" + postgres.url(),
                    "--gateway.ledger.username=postgres", "--gateway.ledger.spool.directory=" + files.resolve("spool"),
                    "--gateway.ledger.dead-letter.directory=" + files.resolve("dead-letter"), "--gateway.demo.word-delay=1ms",
                    TestKeys.gatewayKeyArgument())) {
                HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
                for (int c = 0; c < 4; c++) {
                    int client = c;
                    clients.submit(() -> {
                        for (int i = 0; loading.get(); i++) {
                            boolean stream = (i + client) % 2 == 0;
                            HttpRequest request = TestKeys.keyed(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/chat/completions")))
                                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                                            "{\"model\":\"demo\",\"stream\":" + stream + ",\"messages\":[{\"role\":\"user\",\"content\":\"load " + i + "\"}]}"))
                                    .build();
                            try {
                                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                                if (response.statusCode() != 200 || (stream && !response.body().endsWith("data: [DONE]\n\n"))) {
                                    refused.incrementAndGet();
                                }
                                attempts.put(response.headers().firstValue("x-request-id").orElseThrow(),
                                        Integer.parseInt(response.headers().firstValue("x-gateway-attempts").orElse("0")));
                            } catch (Exception e) {
                                refused.incrementAndGet();
                            }
                        }
                        return null;
                    });
                }
                MeterRegistry meters = gateway.getBean(MeterRegistry.class);
                Thread.sleep(3000);
                postgres.stop();
                int before = attempts.size();
                Thread.sleep(TimeUnit.SECONDS.toMillis(OUTAGE_SECONDS));
                double spooledDuringOutage = meters.get("gateway.ledger.spool.rows").gauge().value();
                int duringOutage = attempts.size() - before;
                postgres.start();
                Thread.sleep(3000);
                loading.set(false);
                clients.shutdown();
                assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

                assertThat(refused.get()).as("requests that failed during the outage").isZero();
                assertThat(duringOutage).as("requests answered during the outage").isGreaterThan(100);
                assertThat(spooledDuringOutage).as("rows in the spool at the end of the outage").isPositive();
                int expected = attempts.values().stream().mapToInt(Integer::intValue).sum();
                JdbcTemplate ledger = new JdbcTemplate(new DriverManagerDataSource(postgres.url(), "postgres", ""));
                for (int i = 0; i < 600 && count(ledger) < expected; i++) {
                    Thread.sleep(100);
                }
                Map<String, Integer> rowsPerAttempt = new HashMap<>();
                ledger.query("SELECT request_id, attempt, COUNT(*) AS n FROM usage_ledger GROUP BY request_id, attempt",
                        row -> {
                            rowsPerAttempt.put(row.getString(1) + "#" + row.getInt(2), row.getInt(3));
                        });
                Map<String, Integer> expectedRows = new HashMap<>();
                attempts.forEach((id, n) -> {
                    for (int a = 1; a <= n; a++) {
                        expectedRows.put(id + "#" + a, 1);
                    }
                });
                assertThat(rowsPerAttempt).as("rows per (request_id, attempt)").isEqualTo(expectedRows);
                assertThat(meters.get("gateway.ledger.spool.rows").gauge().value()).isZero();
                assertThat(meters.get("gateway.ledger.dead_letters").counter().count()).isZero();
                assertThat(meters.get("gateway.ledger.dropped").counter().count()).isZero();
            } finally {
                loading.set(false);
                clients.shutdownNow();
            }
        }
    }

    private static int count(JdbcTemplate ledger) {
        return ledger.queryForObject("SELECT COUNT(*) FROM usage_ledger", Integer.class);
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
