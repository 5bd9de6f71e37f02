package dev.camelgateway.usage;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

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
