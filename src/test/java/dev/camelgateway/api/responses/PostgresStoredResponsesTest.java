package dev.camelgateway.api.responses;

import dev.camelgateway.quota.LedgerDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import javax.sql.DataSource;

/**
 * {@link StoredResponsesContract} on PostgreSQL: a database of its own on the shared server (made empty, dropped after;
 * skipped without a server, except under CI).
 */
class PostgresStoredResponsesTest extends StoredResponsesContract {
    private static LedgerDatabase database;

    @BeforeAll
    static void ownDatabase() {
        database = LedgerDatabase.create();
    }

    @AfterAll
    static void dropIt() throws Exception {
        if (database != null) {
            database.close();
        }
    }

    @Override
    DataSource dataSource() {
        return new DriverManagerDataSource(database.url(), LedgerDatabase.USER, "");
    }
}
