package dev.camelgateway.usage;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.flywaydb.core.Flyway;
import org.h2.tools.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The writer's promises on a real database: an H2 ledger served over TCP, whose server the tests stop (live
 * connections cut, new ones refused) and start again on the same port, while the in-memory database behind it lives on.
 */
class LedgerWriterTest {
    @TempDir
    Path files;
    private final String database = "ledger_" + UUID.randomUUID().toString().replace("-", "");
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private int port;
    private Server server;
    private HikariDataSource pool;
    /** The same database, in-process: readable while the TCP server is down. */
    private JdbcTemplate direct;
    private LedgerWriter writer;

    @BeforeEach
    void startDatabase() throws Exception {
        port = freePort();
        startServer();
        direct = new JdbcTemplate(new DriverManagerDataSource("jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1", "sa", ""));
        Flyway.configure().dataSource(direct.getDataSource()).load().migrate();
        pool = new HikariDataSource();
        pool.setJdbcUrl("jdbc:h2:tcp://127.0.0.1:" + port + "/mem:" + database);
        pool.setUsername("sa");
        pool.setPassword("");
        pool.setMaximumPoolSize(2);
        pool.setConnectionTimeout(1000);
    }

    @AfterEach
    void stopAll() {
        if (writer != null && writer.isRunning()) {
            writer.stop();
        }
        pool.close();
        server.stop();
        direct.execute("DROP ALL OBJECTS");
    }

    @Test
    void aRowTheDatabaseRefusesIsDeadLetteredAndTheRowsAroundItAreWritten() throws Exception {
        writer = writer(100, 10);
        writer.offer(record("req_before", 1));
        writer.offer(record("req_" + "x".repeat(80), 1)); // request_id is VARCHAR(64): refused for its content
        writer.offer(record("req_after", 1));
        writer.start(); // the three rows go in one batch

        awaitUntil(() -> count() == 2);
        writer.offer(record("req_next", 1));
        awaitUntil(() -> count() == 3);

        assertThat(direct.queryForList("SELECT request_id FROM usage_ledger ORDER BY request_id", String.class))
                .containsExactly("req_after", "req_before", "req_next");
        List<String> deadLetters = Files.readAllLines(files.resolve("dead-letter").resolve(DeadLetterFile.CURRENT));
        assertThat(deadLetters).hasSize(1);
        assertThat(LedgerRowJson.MAPPER.readTree(deadLetters.get(0)).get("row").get("requestId").asText())
                .isEqualTo("req_" + "x".repeat(80));
        assertThat(LedgerRowJson.MAPPER.readTree(deadLetters.get(0)).get("reason").asText()).isNotBlank();
        assertThat(meters.get("gateway.ledger.dead_letters").counter().count()).isEqualTo(1);
    }

    @Test
    void aRowAlreadyWrittenIsSkippedOnReplaySoEachAttemptHasOneRow() throws Exception {
        new LedgerRepository(new JdbcTemplate(pool)).insertAll(List.of(record("req_committed", 1)));
        try (LedgerSpool spool = new LedgerSpool(files.resolve("spool"), 1 << 20)) {
            // a batch that committed but was spooled too (the commit's answer was lost), then a row that did not
            spool.append(List.of(record("req_committed", 1), record("req_committed", 2)));
        }

        writer = writer(100, 10);
        writer.start();

        awaitUntil(() -> count() == 2);
        awaitUntil(() -> writer.spool().rows() == 0);
        assertThat(direct.queryForObject("SELECT COUNT(*) FROM usage_ledger WHERE request_id = 'req_committed' AND attempt = 1",
                Integer.class)).isEqualTo(1);
        assertThat(meters.get("gateway.ledger.duplicates").counter().count()).isEqualTo(1);
        assertThat(meters.get("gateway.ledger.dead_letters").counter().count()).isZero();
        assertThat(segments()).isEmpty();
    }

    @Test
    void withTheDatabaseUnreachableRowsAreSpooledWithoutWaitingInBoundedMemoryAndWrittenOnceWhenItIsBack() throws Exception {
        int capacity = 16;
        int rows = 50_000;
        server.stop();
        writer = writer(capacity, 200);
        writer.start();

        int[] deepest = {0};
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> { // the old writer's put() waited here for ever
            for (int i = 0; i < rows; i++) {
                writer.offer(record("req_" + i, 1));
                deepest[0] = Math.max(deepest[0], writer.queueDepth());
            }
        });
        awaitUntil(() -> writer.spool().rows() == rows && writer.queueDepth() == 0);

        assertThat(deepest[0]).as("rows held in memory").isLessThanOrEqualTo(capacity);
        assertThat(count()).isZero();
        assertThat(segments()).isNotEmpty();
        assertThat(meters.get("gateway.ledger.spool.rows").gauge().value()).isEqualTo(rows);
        startServer();
        awaitUntil(() -> writer.spool().rows() == 0);
        assertThat(count()).isEqualTo(rows);
        assertThat(direct.queryForObject("SELECT COUNT(DISTINCT request_id) FROM usage_ledger", Integer.class)).isEqualTo(rows);
        assertThat(meters.get("gateway.ledger.dropped").counter().count()).isZero();
        assertThat(segments()).isEmpty();
    }

    @Test
    void aShutdownWithTheDatabaseAwaySpoolsTheQueuedRowsAndTheNextStartWritesThem() throws Exception {
        server.stop();
        writer = writer(1000, 50);
        writer.start();
        for (int i = 0; i < 300; i++) {
            writer.offer(record("req_" + i, 1));
        }
        writer.stop();
        assertThat(count()).isZero();

        startServer();
        writer = writer(1000, 50); // the next run, on the same spool directory
        writer.start();

        awaitUntil(() -> count() == 300);
        awaitUntil(() -> writer.spool().rows() == 0);
        assertThat(direct.queryForObject("SELECT COUNT(DISTINCT request_id) FROM usage_ledger", Integer.class)).isEqualTo(300);
    }

    @Test
    void theSpoolIsBoundedByDiskAndCountsWhatItCouldNotKeep() {
        server.stop();
        writer = new LedgerWriter(new LedgerRepository(new JdbcTemplate(pool)), meters, 1, 10,
                new LedgerSpool(files.resolve("spool"), 10_000), new DeadLetterFile(files.resolve("dead-letter"), 10_000));
        for (int i = 0; i < 200; i++) { // not started: one row in memory, the rest spooled until the bound
            writer.offer(record("req_" + i, 1));
        }
        assertThat(writer.spool().bytes()).isLessThanOrEqualTo(10_000);
        assertThat(writer.spool().rows() + writer.queueDepth() + (long) meters.get("gateway.ledger.dropped").counter().count())
                .isEqualTo(200);
        assertThat(meters.get("gateway.ledger.dropped").counter().count()).isPositive();
        writer.spool().close();
    }

    @Test
    void theDeadLetterFileIsRotatedWithinItsBound() throws Exception {
        DeadLetterFile file = new DeadLetterFile(files, 8_000);
        for (int i = 0; i < 100; i++) {
            file.write(record("req_" + i, 1), new IllegalArgumentException("refused"));
        }
        assertThat(Files.size(files.resolve(DeadLetterFile.CURRENT))).isLessThanOrEqualTo(4_000);
        assertThat(Files.size(files.resolve(DeadLetterFile.PREVIOUS))).isLessThanOrEqualTo(4_000);
        assertThat(Files.readAllLines(files.resolve(DeadLetterFile.CURRENT)).get(0)).contains("\"requestId\":\"req_");
    }

    private LedgerWriter writer(int capacity, int batchSize) {
        return new LedgerWriter(new LedgerRepository(new JdbcTemplate(pool)), meters, capacity, batchSize,
                new LedgerSpool(files.resolve("spool"), 1L << 30), new DeadLetterFile(files.resolve("dead-letter"), 1 << 20));
    }

    private void startServer() throws SQLException {
        server = Server.createTcpServer("-tcpPort", String.valueOf(port), "-ifNotExists").start();
    }

    private int count() {
        return direct.queryForObject("SELECT COUNT(*) FROM usage_ledger", Integer.class);
    }

    private List<Path> segments() throws IOException {
        try (Stream<Path> list = Files.list(files.resolve("spool"))) {
            return list.filter(p -> p.getFileName().toString().startsWith("spool-")).toList();
        }
    }

    static AttemptRecord record(String requestId, int attempt) {
        return new AttemptRecord(requestId, attempt, null, Instant.now(), Instant.now(), "demo", "demo", "echo", false,
                AttemptStatus.COMPLETE, Usage.of(1L, 2L), false, 5L, 5L, 200, null);
    }

    private static void awaitUntil(BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 600 && !condition.getAsBoolean(); i++) {
            Thread.sleep(100);
        }
        assertThat(condition.getAsBoolean()).as("within 60 s").isTrue();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
