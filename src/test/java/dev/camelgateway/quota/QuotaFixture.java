package dev.camelgateway.quota;

import dev.camelgateway.quota.Admission.Admitted;
import dev.camelgateway.quota.Admission.Limit;
import dev.camelgateway.quota.Admission.Refused;
import dev.camelgateway.quota.QuotaStore.AdmissionRequest;
import dev.camelgateway.quota.QuotaStore.Scope;
import dev.camelgateway.quota.QuotaStore.Settlement;
import dev.camelgateway.support.MutableClock;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** What the contract tests see of a store under test, and their shorthand. */
interface QuotaFixture {
    /** Mid-month, mid-day: 14 h to the end of the day, 15 days 14 h to the end of the month. */
    Instant START = Instant.parse("2030-06-15T10:00:00Z");
    Duration TTL = Duration.ofMinutes(10);

    QuotaStore store();

    /** Another gateway instance sharing the counters (in memory: the same store). */
    QuotaStore peer();

    MutableClock clock();

    FakeLedger ledger();

    static Scope key(String id, LimitsBuilder limits) {
        return new Scope("key:" + id, limits.build());
    }

    static Scope team(String id, LimitsBuilder limits) {
        return new Scope("team:" + id, limits.build());
    }

    default Admission admit(String reservationId, long tokens, Scope... scopes) {
        return admit(store(), reservationId, tokens, 0, scopes);
    }

    default Admission admit(QuotaStore store, String reservationId, long tokens, long costNanos, Scope... scopes) {
        return store.admit(new AdmissionRequest(reservationId, List.of(scopes), tokens, costNanos));
    }

    default void settle(String requestId, long tokens, long costNanos, Scope... scopes) {
        store().settle(new Settlement(requestId, 1, requestId, List.of(scopes), tokens, costNanos, clock().instant()));
    }

    default void release(String reservationId, Scope... scopes) {
        store().release(reservationId, List.of(scopes));
    }

    static Admitted admitted(Admission admission) {
        return assertInstanceOf(Admitted.class, admission);
    }

    static Refused refused(Admission admission, String scopeId, Limit limit, long retryAfterMillis) {
        Refused refused = assertInstanceOf(Refused.class, admission);
        assertEquals(scopeId + " " + limit + " " + retryAfterMillis,
                refused.scopeId() + " " + refused.limit() + " " + refused.retryAfterMillis());
        return refused;
    }

    static long millisUntil(String instant, Instant from) {
        return Duration.between(from, Instant.parse(instant)).toMillis();
    }

    /**
     * The scope's daily token counter holds {@code spent} exactly: with nothing else reserved, the rest of the budget
     * is admitted and one token more is not.
     */
    default void assertDailySpent(String scopeId, long budget, long spent) {
        Scope probe = new Scope(scopeId, LimitsBuilder.limits().dailyTokens(budget).build());
        admitted(admit(store(), "probe-fits", budget - spent, 0, probe));
        release("probe-fits", probe);
        Admission over = admit(store(), "probe-over", budget - spent + 1, 0, probe);
        assertEquals(Limit.DAILY_TOKENS, assertInstanceOf(Refused.class, over, "counter above " + spent).limit());
    }
}
