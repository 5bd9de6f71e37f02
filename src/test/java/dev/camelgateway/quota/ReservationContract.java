package dev.camelgateway.quota;

import dev.camelgateway.quota.Admission.Limit;
import dev.camelgateway.quota.QuotaStore.Scope;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static dev.camelgateway.quota.LimitsBuilder.limits;
import static dev.camelgateway.quota.QuotaFixture.admitted;
import static dev.camelgateway.quota.QuotaFixture.key;
import static dev.camelgateway.quota.QuotaFixture.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Parallel slots and reservations: held until released (once) or expired. */
interface ReservationContract extends QuotaFixture {

    @Test
    default void aSlotIsHeldFromAdmissionToRelease() {
        Scope key = key("1", limits().parallel(2));
        admitted(admit("a", 0, key));
        admitted(admit("b", 0, key));
        refused(admit("c", 0, key), "key:1", Limit.PARALLEL, 1000);
        release("a", key);
        admitted(admit("c", 0, key));
        refused(admit("d", 0, key), "key:1", Limit.PARALLEL, 1000);
    }

    @Test
    default void aSecondReleaseChangesNothing() {
        Scope key = key("1", limits().parallel(2).dailyTokens(1000L));
        admitted(admit("a", 600, key));
        release("a", key);
        release("a", key);
        admitted(admit("b", 1000, key));
        refused(admit("c", 1, key), "key:1", Limit.DAILY_TOKENS, millisToMidnight());
        admitted(admit("d", 0, key));
        refused(admit("e", 0, key), "key:1", Limit.PARALLEL, 1000);
    }

    @Test
    default void aReservationNeverReleasedExpiresAfterItsTtl() {
        Scope key = key("1", limits().parallel(1).dailyTokens(1000L));
        admitted(admit("a", 1000, key));
        clock().advance(TTL.minusMillis(1));
        refused(admit("b", 1000, key), "key:1", Limit.PARALLEL, 1000);
        clock().advance(Duration.ofMillis(1));
        admitted(admit("b", 1000, key));
    }

    /** Each attempt's settle renews the reservation: the ttl need only outlast one attempt, not a request's retries. */
    @Test
    default void aSettleKeepsTheReservationForAnotherTtl_butBringsNoLapsedOneBack() {
        Scope key = key("1", limits().parallel(1));
        admitted(admit("a", 0, key));
        clock().advance(TTL.minusMillis(1));
        settle("a", 10, 0, key);
        clock().advance(TTL.minusMillis(1));
        refused(admit("b", 0, key), "key:1", Limit.PARALLEL, 1000); // 2 × ttl − 2 ms after admission: still held
        clock().advance(Duration.ofMillis(2));
        admitted(admit("b", 0, key)); // a ttl after the settle: lapsed
        clock().advance(TTL.plusMillis(1));
        settle("b", 10, 0, key); // lapsed already: not renewed
        admitted(admit("c", 0, key));
    }

    @Test
    default void releasingAnExpiredReservationGivesNothingBack() {
        Scope key = key("1", limits().tpm(6000L));
        admitted(admit("a", 3000, key));
        clock().advance(TTL);
        admitted(admit("b", 6000, key));
        release("a", key);
        Long remaining = admitted(admit("probe", 0, key)).status().remainingTokens();
        assertEquals(0L, remaining);
    }

    @Test
    default void aSettleAfterTheReservationExpiredStillCounts() {
        Scope key = key("1", limits().dailyTokens(1000L));
        admitted(admit("a", 100, key));
        clock().advance(TTL.plusMinutes(1));
        settle("a", 700, 0, key);
        release("a", key);
        assertDailySpent("key:1", 1000, 700);
    }

    private long millisToMidnight() {
        return QuotaFixture.millisUntil("2030-06-16T00:00:00Z", clock().instant());
    }
}
