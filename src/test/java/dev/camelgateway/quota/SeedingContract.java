package dev.camelgateway.quota;

import dev.camelgateway.quota.QuotaStore.Scope;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static dev.camelgateway.quota.LimitsBuilder.limits;
import static dev.camelgateway.quota.QuotaFixture.admitted;
import static dev.camelgateway.quota.QuotaFixture.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A budget counter the store does not have is seeded from the ledger once, never counting an attempt twice. */
interface SeedingContract extends QuotaFixture {
    Instant DAY = Instant.parse("2030-06-15T00:00:00Z");
    Instant NEXT_DAY = Instant.parse("2030-06-16T00:00:00Z");

    @Test
    default void aCounterIsSeededOnceFromTheLedgerOfItsPeriod() {
        ledger().add("key:1", START.minusSeconds(60), "old#1", 900, 0);
        ledger().add("key:1", DAY.minusMillis(1), "yesterday#1", 5000, 0);
        ledger().add("key:1", Instant.parse("2030-05-31T23:00:00Z"), "last-month#1", 7000, 0);
        ledger().add("key:2", START, "other-key#1", 300, 0);
        assertDailySpent("key:1", 1000, 900);
        assertDailySpent("key:1", 1000, 900);
        assertEquals(List.of(new FakeLedger.Query("key:1", DAY, NEXT_DAY, Set.of())), ledger().queries());
        Scope monthly = key("1", limits().monthlyTokens(6000L));
        admitted(admit("a", 100, monthly));
        QuotaFixture.refused(admit("b", 1, monthly), "key:1", Admission.Limit.MONTHLY_TOKENS,
                QuotaFixture.millisUntil("2030-07-01T00:00:00Z", START));
        assertEquals(2, ledger().queries().size());
    }

    /** After a flush, a busy key's requests arrive together: one ledger query among them, the others wait for it. */
    @Test
    default void concurrentAdmissionsOfAnUnseededCounterQueryTheLedgerOnce() throws Exception {
        Scope key = key("1", limits().dailyTokens(1_000_000L));
        ledger().duringNextQuery(() -> {
            try {
                Thread.sleep(300); // a slow month-long SUM
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(16);
        List<java.util.concurrent.Future<Admission>> admissions = new java.util.ArrayList<>();
        for (int i = 0; i < 16; i++) {
            String id = "r" + i;
            admissions.add(threads.submit(() -> admit(id, 10, key)));
        }
        for (java.util.concurrent.Future<Admission> admission : admissions) {
            admitted(admission.get(10, java.util.concurrent.TimeUnit.SECONDS));
        }
        threads.shutdown();
        assertEquals(1, ledger().queries().size());
    }

    @Test
    default void attemptsSettledBeforeTheSeedAreLeftOutOfTheLedgersTotal() {
        Scope key = key("1", limits().dailyTokens(1000L));
        settle("early", 300, 0, key);
        ledger().add("key:1", START, "early#1", 300, 0);
        ledger().add("key:1", START, "before-restart#1", 500, 0);
        assertDailySpent("key:1", 1000, 800);
        assertEquals(Set.of("early#1"), ledger().queries().get(0).excluded());
    }

    @Test
    default void aSettleRacingTheLedgerQueryMakesTheSeedQueryAgain() {
        Scope key = key("1", limits().dailyTokens(1000L));
        ledger().add("key:1", START, "before-restart#1", 500, 0);
        ledger().duringNextQuery(() -> {
            settle("racing", 300, 0, key);
            ledger().add("key:1", START, "racing#1", 300, 0);
        });
        assertDailySpent("key:1", 1000, 800);
        List<FakeLedger.Query> queries = ledger().queries();
        assertEquals(2, queries.size());
        assertEquals(Set.of("racing#1"), queries.get(1).excluded());
    }

    @Test
    default void aSecondSeederRacingTheFirstSeedsNothing() {
        Scope key = key("1", limits().dailyTokens(1000L));
        ledger().add("key:1", START, "before-restart#1", 500, 0);
        ledger().duringNextQuery(() -> {
            admitted(admit(peer(), "peer", 0, 0, key));
            peer().release("peer", List.of(key));
        });
        assertDailySpent("key:1", 1000, 500);
        assertEquals(2, ledger().queries().size());
    }

    @Test
    default void aLedgerThatCannotAnswerMakesTheStoreUnavailable() {
        Scope key = key("1", limits().dailyTokens(1000L));
        ledger().duringNextQuery(() -> {
            throw new IllegalStateException("the database is down");
        });
        QuotaStoreUnavailable unavailable = assertThrows(QuotaStoreUnavailable.class, () -> admit("a", 1, key));
        assertEquals("the database is down", unavailable.getCause().getMessage());
        assertDailySpent("key:1", 1000, 0);
    }

    @Test
    default void aNewDayIsSeededAgainAndOnlyItsOwnRowsCount() {
        ledger().add("key:1", START, "today#1", 400, 0);
        assertDailySpent("key:1", 1000, 400);
        clock().advance(Duration.ofDays(1));
        ledger().add("key:1", clock().instant(), "tomorrow#1", 100, 0);
        assertDailySpent("key:1", 1000, 100);
        assertEquals(2, ledger().queries().size());
    }
}
