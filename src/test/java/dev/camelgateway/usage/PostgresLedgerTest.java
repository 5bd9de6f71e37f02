package dev.camelgateway.usage;

import dev.camelgateway.GatewayApplication;
import dev.camelgateway.support.TestKeys;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ledger contract on a real PostgreSQL server ({@code POSTGRES_URL}, default 127.0.0.1:5432/test, trust auth;
 * {@code .ci/run} starts it). Skipped with a message on a machine without one, never in CI.
 */
class PostgresLedgerTest extends LedgerScenarios {
    static final String URL = System.getenv().getOrDefault("POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test");

    static {
        gatewayPort = freePortForAnotherGateway(); // a gateway of its own, beside the shared one
        ledgerUrl = URL;
        ledgerUser = System.getenv().getOrDefault("POSTGRES_USER", "postgres");
    }

    /** A property source of its own, so that this class gets its own gateway (Spring caches contexts by them). */
    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        registry.add("gateway.ledger.password", () -> System.getenv().getOrDefault("POSTGRES_PASSWORD", ""));
    }

    /** A second gateway on the same PostgreSQL ledger, under concurrent load from both: no row lost, none twice. */
    @Test
    void twoGatewaysWritingOneLedgerLoseNoRowAndDuplicateNone() throws Exception {
        int otherPort = freePortForAnotherGateway();
        try (ConfigurableApplicationContext other = new SpringApplicationBuilder(GatewayApplication.class).run(
                "--server.port=" + otherPort, "--management.server.port=0", "--gateway.ledger.url=" + URL, "--gateway.ledger.username=" + ledgerUser,
                "--gateway.demo.word-delay=1ms", TestKeys.gatewayKeyArgument(),
                "--gateway.ledger.spool.directory=" + temporaryDirectory("other-spool"))) {
            HttpClient client = HttpClient.newHttpClient();
            List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                String base = i % 2 == 0 ? gatewayUrl("") : "http://127.0.0.1:" + otherPort;
                calls.add(client.sendAsync(keyed(HttpRequest.newBuilder(URI.create(base + "/v1/chat/completions")))
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                                chat("demo", i % 4 < 2, false))).build(), HttpResponse.BodyHandlers.ofString()));
            }
            CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).join();
            assertThat(calls).allSatisfy(c -> assertThat(c.join().statusCode()).isEqualTo(200));
            int rows = 0;
            for (int i = 0; i < 100 && rows < 100; i++) {
                Thread.sleep(100);
                rows = jdbc.queryForObject("SELECT COUNT(*) FROM usage_ledger", Integer.class);
            }
            assertThat(rows).isEqualTo(100);
            assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT request_id) FROM usage_ledger", Integer.class)).isEqualTo(100);
        }
    }

    @BeforeAll
    static void requirePostgres() {
        try (Connection ignored = DriverManager.getConnection(URL, System.getenv().getOrDefault("POSTGRES_USER", "postgres"),
                System.getenv().getOrDefault("POSTGRES_PASSWORD", ""))) {
            // reachable
        } catch (SQLException e) {
            String message = "PostgreSQL is not reachable at " + URL + " (" + e.getMessage() + "): start it, or set POSTGRES_URL";
            if (System.getenv("CI") != null) {
                throw new IllegalStateException(message, e);
            }
            Assumptions.abort(message);
        }
    }
}
