package dev.camelgateway.quota;

import dev.camelgateway.quota.Admission.Limit;
import dev.camelgateway.quota.QuotaStore.Scope;
import dev.camelgateway.quota.QuotaStore.Settlement;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static dev.camelgateway.quota.LimitsBuilder.limits;
import static dev.camelgateway.quota.QuotaFixture.admitted;
import static dev.camelgateway.quota.QuotaFixture.key;
import static dev.camelgateway.quota.QuotaFixture.millisUntil;
import static dev.camelgateway.quota.QuotaFixture.refused;
import static dev.camelgateway.quota.QuotaFixture.team;

/** Day and month budgets in tokens and USD: settled + reserved + estimate, and the order refusals are reported in. */
interface BudgetContract extends QuotaFixture {
    long TO_MIDNIGHT = millisUntil("2030-06-16T00:00:00Z", START);
    long TO_MONTH_END = millisUntil("2030-07-01T00:00:00Z", START);

    @Test
    default void aBudgetCountsWhatIsSettledAndWhatIsReserved() {
        Scope key = key("1", limits().dailyTokens(1000L));
        admitted(admit("a", 600, key));
        refused(admit("b", 500, key), "key:1", Limit.DAILY_TOKENS, TO_MIDNIGHT);
        admitted(admit("c", 400, key));
        settle("a", 650, 0, key);
        release("a", key);
        release("c", key);
        assertDailySpent("key:1", 1000, 650);
    }

    @Test
    default void monthlyTokensWaitForTheFirstOfNextMonth() {
        Scope key = key("1", limits().monthlyTokens(1000L));
        admitted(admit("a", 1000, key));
        refused(admit("b", 1, key), "key:1", Limit.MONTHLY_TOKENS, TO_MONTH_END);
    }

    @Test
    default void usdBudgetsCountNanoUsd() {
        Scope day = key("1", limits().dailyUsd("0.50"));
        admitted(admit(store(), "a", 0, 300_000_000, day));
        refused(admit(store(), "b", 0, 200_000_001, day), "key:1", Limit.DAILY_USD, TO_MIDNIGHT);
        settle("a", 0, 250_000_000, day);
        release("a", day);
        admitted(admit(store(), "c", 0, 250_000_000, day));
        Scope month = key("2", limits().monthlyUsd("1"));
        admitted(admit(store(), "d", 0, 1_000_000_000, month));
        refused(admit(store(), "e", 0, 1, month), "key:2", Limit.MONTHLY_USD, TO_MONTH_END);
    }

    @Test
    default void anAttemptIsSettledOnceHoweverOftenItIsSettled() {
        Scope key = key("1", limits().dailyTokens(1000L));
        admitted(admit("a", 100, key));
        settle("a", 100, 0, key);
        settle("a", 100, 0, key);
        store().settle(new Settlement("a", 2, "a", List.of(key), 50, 0, clock().instant()));
        store().settle(new Settlement("a", 2, "a", List.of(key), 50, 0, clock().instant()));
        release("a", key);
        assertDailySpent("key:1", 1000, 150);
    }

    @Test
    default void aSettleCountsInThePeriodItsAttemptStartedIn() {
        Scope key = key("1", limits().dailyTokens(1000L).monthlyTokens(5000L));
        admitted(admit("a", 0, key));
        clock().set(Instant.parse("2030-06-15T23:59:59.999Z"));
        refused(admit("b", 1001, key), "key:1", Limit.DAILY_TOKENS, 1);
        Instant startedYesterday = clock().instant();
        clock().set(Instant.parse("2030-06-16T00:00:01Z"));
        store().settle(new Settlement("a", 1, "a", List.of(key), 900, 0, startedYesterday));
        release("a", key);
        assertDailySpent("key:1", 1000, 0);
        Scope monthly = key("1", limits().monthlyTokens(5000L));
        refused(admit("c", 4101, monthly), "key:1", Limit.MONTHLY_TOKENS,
                millisUntil("2030-07-01T00:00:00Z", clock().instant()));
        admitted(admit("c", 4100, monthly));
    }

    @Test
    default void refusalsComeInAFixedOrder() {
        Scope all = key("1", everyLimit());
        admitted(admit(store(), "a", 10, 10, all));
        refused(admit(store(), "b", 1, 1, all), "key:1", Limit.PARALLEL, 1000);
        refused(admit(store(), "b", 1, 1, key("1", everyLimit().parallel(null))), "key:1", Limit.RPM, 60_000);
        refused(admit(store(), "b", 1, 1, key("1", everyLimit().parallel(null).rpm(null))), "key:1", Limit.TPM, 6000);
        LimitsBuilder budgets = everyLimit().parallel(null).rpm(null).tpm(null);
        refused(admit(store(), "b", 1, 1, key("1", budgets)), "key:1", Limit.DAILY_TOKENS, TO_MIDNIGHT);
        refused(admit(store(), "b", 1, 1, key("1", budgets.dailyTokens(null))), "key:1", Limit.MONTHLY_TOKENS,
                TO_MONTH_END);
        refused(admit(store(), "b", 1, 1, key("1", budgets.monthlyTokens(null))), "key:1", Limit.DAILY_USD,
                TO_MIDNIGHT);
        refused(admit(store(), "b", 1, 1, key("1", budgets.dailyUsd(null))), "key:1", Limit.MONTHLY_USD,
                TO_MONTH_END);
        admitted(admit(store(), "b", 1, 1, key("1", budgets.monthlyUsd(null))));
    }

    @Test
    default void eachLimitIsCheckedOnEveryScopeBeforeTheNextLimit() {
        Scope key = key("1", limits().rpm(1L).dailyTokens(100L));
        Scope team = team("t", limits().rpm(1L).parallel(1));
        admitted(admit("a", 100, key, team));
        refused(admit("b", 1, key, team), "team:t", Limit.PARALLEL, 1000);
        release("a", key, team);
        refused(admit("b", 1, key, team), "key:1", Limit.RPM, 60_000);
    }

    /** Each limit just exhausted by a request of 10 tokens and 10 nano-USD. */
    private static LimitsBuilder everyLimit() {
        return limits().parallel(1).rpm(1L).tpm(10L).dailyTokens(10L).monthlyTokens(10L)
                .dailyUsd("0.00000001").monthlyUsd("0.00000001");
    }
}
