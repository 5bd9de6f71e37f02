package dev.camelgateway.quota;

import dev.camelgateway.quota.Admission.Limit;
import dev.camelgateway.quota.Admission.RateStatus;
import dev.camelgateway.quota.QuotaStore.Scope;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static dev.camelgateway.quota.LimitsBuilder.limits;
import static dev.camelgateway.quota.QuotaFixture.admitted;
import static dev.camelgateway.quota.QuotaFixture.key;
import static dev.camelgateway.quota.QuotaFixture.refused;
import static dev.camelgateway.quota.QuotaFixture.team;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** rpm and tpm token buckets, atomic across scopes, and the rate status. */
interface RateLimitContract extends QuotaFixture {

    @Test
    default void rpmBucketStartsFullAndRefillsContinuously() {
        Scope key = key("1", limits().rpm(60L));
        for (int i = 0; i < 60; i++) {
            admitted(admit("r" + i, 0, key));
        }
        Admission.Refused refused = refused(admit("r60", 0, key), "key:1", Limit.RPM, 1000);
        assertEquals(new RateStatus(60L, 0L, 60_000L, null, null, null), refused.status());
        clock().advance(Duration.ofMillis(500));
        refused(admit("r60", 0, key), "key:1", Limit.RPM, 500);
        clock().advance(Duration.ofMillis(500));
        assertEquals(new RateStatus(60L, 0L, 60_000L, null, null, null), admitted(admit("r60", 0, key)).status());
    }

    @Test
    default void tpmNeedsTheEstimateAndSaysWhenItWillHoldIt() {
        Scope key = key("1", limits().tpm(6000L)); // 100 tokens a second
        admitted(admit("a", 4000, key));
        refused(admit("b", 3000, key), "key:1", Limit.TPM, 10_000);
        assertEquals(new RateStatus(null, null, null, 6000L, 0L, 60_000L), admitted(admit("b", 2000, key)).status());
    }

    @Test
    default void anEstimateAboveTheCapacityWaitsForAFullBucketThenGoesIntoDebt() {
        Scope key = key("1", limits().tpm(6000L));
        admitted(admit("a", 1500, key));
        refused(admit("big", 9000, key), "key:1", Limit.TPM, 15_000);
        clock().advance(Duration.ofMillis(15_000));
        assertEquals(new RateStatus(null, null, null, 6000L, 0L, 90_000L), admitted(admit("big", 9000, key)).status());
        refused(admit("next", 0, key), "key:1", Limit.TPM, 30_000);
    }

    @Test
    default void settleTakesTheRealTokensAndReleaseGivesBackTheEstimateOnce() {
        Scope key = key("1", limits().tpm(6000L));
        admitted(admit("a", 3000, key));
        settle("a", 1000, 0, key);
        assertEquals(2000L, remainingTokens(key));
        release("a", key);
        assertEquals(5000L, remainingTokens(key));
        release("a", key);
        settle("a", 1000, 0, key);
        assertEquals(5000L, remainingTokens(key));
    }

    @Test
    default void theRefundIsCappedAtTheCapacity() {
        Scope key = key("1", limits().tpm(6000L));
        admitted(admit("a", 1000, key));
        clock().advance(Duration.ofMinutes(1));
        release("a", key);
        assertEquals(6000L, remainingTokens(key));
        admitted(admit("b", 6000, key));
        refused(admit("c", 1, key), "key:1", Limit.TPM, 10);
    }

    @Test
    default void aRefusalTakesNothingFromAnyScope() {
        Scope keyAlone = key("1", limits().rpm(2L).parallel(2));
        Scope team = team("t", limits().rpm(1L));
        admitted(admit("a", 0, keyAlone, team));
        refused(admit("b", 0, keyAlone, team), "team:t", Limit.RPM, 60_000);
        RateStatus status = admitted(admit("c", 0, keyAlone)).status();
        assertEquals(0L, status.remainingRequests(), "b took neither a request nor a slot from the key");
        release("c", keyAlone);
        refused(admit("d", 0, keyAlone), "key:1", Limit.RPM, 30_000);
    }

    @Test
    default void theStatusIsTheTightestScopes() {
        Scope key = key("1", limits().rpm(10L).tpm(100_000L));
        Scope team = team("t", limits().rpm(3L).tpm(1000L));
        RateStatus status = admitted(admit("a", 100, key, team)).status();
        assertEquals(new RateStatus(3L, 2L, 20_000L, 1000L, 900L, 6000L), status);
        admitted(admit("b", 100, key, team));
        admitted(admit("c", 100, key, team));
        Admission.Refused refused = refused(admit("d", 100, key, team), "team:t", Limit.RPM, 20_000);
        assertEquals(new RateStatus(3L, 0L, 60_000L, 1000L, 700L, 18_000L), refused.status());
    }

    @Test
    default void scopesWithoutLimitsAreAdmittedWithNoStatus() {
        assertEquals(new Admission.Admitted(RateStatus.NONE), admit("a", 1_000_000, key("1", limits())));
    }

    /** The bucket's whole tokens now, read from the status of an admission of nothing. */
    private long remainingTokens(Scope scope) {
        Long remaining = admitted(admit("probe", 0, scope)).status().remainingTokens();
        release("probe", scope);
        return remaining;
    }
}
