package dev.camelgateway.usage;

import dev.camelgateway.quota.LedgerTotals.Spent;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What a lost budget counter is seeded from, on the migrated ledger of the embedded H2 ({@link
 * PostgresLedgerSpentTotalsTest}: on PostgreSQL). Ids are this run's own, so rows of other tests never count.
 */
class LedgerSpentTotalsTest {
    private static final Instant FROM = Instant.parse("2026-12-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-12-02T00:00:00Z");
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String key = "key_" + run;
    private final String team = "team_" + run;
    private JdbcTemplate jdbc;
    private LedgerRepository ledger;
    private LedgerSpentTotals totals;

    DataSource dataSource() {
        return new DriverManagerDataSource("jdbc:h2:mem:spent;DB_CLOSE_DELAY=-1", "sa", "");
    }

    @BeforeEach
    void migratedLedger() {
        DataSource dataSource = dataSource();
        Flyway.configure().dataSource(dataSource).load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        ledger = new LedgerRepository(jdbc);
        totals = new LedgerSpentTotals(jdbc);
    }

    @AfterEach
    void removeThisRunsRows() {
        jdbc.update("DELETE FROM usage_ledger WHERE request_id LIKE ?", "req_" + run + "%");
    }

    @Test
    void aKeysTokensAndCostInThePeriodExactly() {
        ledger.insertAll(List.of(
                row("a", 1, key, team, FROM, 1000L, 50L, "0.000172500"), // from is in the period
                row("b", 1, key, team, TO.minusNanos(1000), null, 7L, null), // unknown prompt: 0; unpriced: no cost
                row("c", 1, key, team, TO.minusSeconds(60), 3L, null, "12.345678901"),
                row("d", 1, key, team, TO, 100L, 100L, "1"), // to is not
                row("e", 1, key, team, FROM.minusNanos(1000), 100L, 100L, "1"),
                row("f", 1, "other_" + run, team, FROM.plusSeconds(1), 100L, 100L, "1"),
                row("g", 1, null, null, FROM.plusSeconds(1), 100L, 100L, "1")));

        Spent spent = totals.spent("key:" + key, FROM, TO, Set.of());

        assertThat(spent).isEqualTo(new Spent(1000 + 50 + 7 + 3, 172_500 + 12_345_678_901L));
    }

    @Test
    void aTeamsSpendAddsUpItsKeysAndKeylessRows() {
        ledger.insertAll(List.of(row("a", 1, key, team, FROM, 10L, 5L, "0.000000001"),
                row("b", 1, "other_" + run, team, FROM, 20L, 5L, "0.000000002"),
                row("c", 1, null, team, FROM, 30L, 5L, "0.000000003"),
                row("d", 1, key, "other_" + run, FROM, 40L, 5L, "0.000000004")));

        assertThat(totals.spent("team:" + team, FROM, TO, Set.of())).isEqualTo(new Spent(75, 6));
    }

    /** Attempts the new counter already settled are left out: by request and attempt, not by request alone. */
    @Test
    void excludedAttemptsAreLeftOut() {
        AttemptRecord first = row("a", 1, key, team, FROM, 10L, 0L, "0.000000010");
        AttemptRecord second = row("a", 2, key, team, FROM, 20L, 0L, "0.000000020");
        AttemptRecord other = row("b", 1, key, team, FROM, 40L, 0L, "0.000000040");
        ledger.insertAll(List.of(first, second, other));

        assertThat(totals.spent("key:" + key, FROM, TO, Set.of(second.attemptId(), "req_unknown#1")))
                .isEqualTo(new Spent(50, 50));
        assertThat(totals.spent("key:" + key, FROM, TO, Set.of(first.attemptId(), second.attemptId(), other.attemptId())))
                .isEqualTo(Spent.ZERO);
    }

    @Test
    void aScopeWithoutRowsSpentNothing() {
        assertThat(totals.spent("key:" + key, FROM, TO, Set.of())).isEqualTo(Spent.ZERO);
        assertThat(totals.spent("team:" + team, FROM, TO, Set.of("req_x#1"))).isEqualTo(Spent.ZERO);
    }

    @Test
    void aScopeThatIsNeitherKeyNorTeamIsRefused() {
        assertThatThrownBy(() -> totals.spent("user:" + key, FROM, TO, Set.of())).isInstanceOf(IllegalArgumentException.class);
    }

    private AttemptRecord row(String request, int attempt, String keyId, String teamId, Instant startedAt, Long prompt,
                              Long completion, String cost) {
        Long total = prompt == null || completion == null ? null : prompt + completion;
        return new AttemptRecord("req_" + run + "_" + request, attempt, null, startedAt, startedAt, "fast", "openai",
                "gpt-4o-mini", false, AttemptStatus.COMPLETE, new Usage(prompt, completion, total, null, null), false, 1L, 1L,
                200, null, null, "chat", keyId, teamId, cost == null ? null : new BigDecimal(cost));
    }
}
