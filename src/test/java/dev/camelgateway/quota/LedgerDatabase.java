package dev.camelgateway.quota;

import org.junit.jupiter.api.Assumptions;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * A ledger database of a test's own on the shared PostgreSQL server (127.0.0.1:5432, trust auth; {@code POSTGRES_URL}'s
 * host): made empty, dropped after. Without a server the test is skipped with a message, except under CI.
 */
public final class LedgerDatabase implements AutoCloseable {
    public static final String USER = System.getenv().getOrDefault("POSTGRES_USER", "postgres");
    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    private final String name = "gw_quota_" + Long.toHexString(System.nanoTime());

    public static LedgerDatabase create() {
        LedgerDatabase database = new LedgerDatabase();
        try (Connection admin = DriverManager.getConnection(SERVER + "postgres", USER, "")) {
            admin.createStatement().execute("CREATE DATABASE " + database.name);
        } catch (SQLException e) {
            String message = "no PostgreSQL at 127.0.0.1:5432 (" + e.getMessage() + "): this test needs one";
            if (System.getenv("CI") != null) {
                fail(message);
            }
            Assumptions.abort(message + "; skipped");
        }
        return database;
    }

    public String url() {
        return SERVER + name;
    }

    /**
     * Waits (up to 20 s: rows are written a moment after the answer) until the key has {@code rows} ledger rows, and
     * returns the tokens they hold (prompt + completion, as the budgets count them); -1 if the rows never came.
     */
    long awaitRows(String keyId, int rows) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        try (Connection connection = DriverManager.getConnection(url(), USER, "");
             PreparedStatement query = connection.prepareStatement("SELECT COUNT(*), COALESCE(SUM(COALESCE(prompt_tokens, 0)"
                     + " + COALESCE(completion_tokens, 0)), 0) FROM usage_ledger WHERE key_id = ?")) {
            query.setString(1, keyId);
            while (true) {
                try (ResultSet result = query.executeQuery()) {
                    result.next();
                    if (result.getInt(1) >= rows) {
                        return result.getInt(1) == rows ? result.getLong(2) : -1;
                    }
                }
                if (System.nanoTime() > deadline) {
                    return -1;
                }
                Thread.sleep(100);
            }
        }
    }

    @Override
    public void close() throws SQLException {
        try (Connection admin = DriverManager.getConnection(SERVER + "postgres", USER, "")) {
            admin.createStatement().execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }
}
