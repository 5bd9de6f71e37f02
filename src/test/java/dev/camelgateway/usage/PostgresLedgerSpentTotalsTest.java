package dev.camelgateway.usage;

import org.junit.jupiter.api.BeforeAll;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import javax.sql.DataSource;

/** {@link LedgerSpentTotalsTest} on the shared PostgreSQL (skipped without one, outside CI: see PostgresLedgerTest). */
class PostgresLedgerSpentTotalsTest extends LedgerSpentTotalsTest {

    @BeforeAll
    static void requirePostgres() {
        PostgresLedgerTest.requirePostgres();
    }

    @Override
    DataSource dataSource() {
        return new DriverManagerDataSource(PostgresLedgerTest.URL, System.getenv().getOrDefault("POSTGRES_USER", "postgres"),
                System.getenv().getOrDefault("POSTGRES_PASSWORD", ""));
    }
}
