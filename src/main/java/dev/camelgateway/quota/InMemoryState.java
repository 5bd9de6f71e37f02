package dev.camelgateway.quota;

import dev.camelgateway.quota.QuotaPeriods.Period;

import java.util.HashMap;
import java.util.Map;

/**
 * The in-memory store's scopes and budget counters, purged as the Redis keys expire: every scope touched is purged
 * first, and once a minute (store time) a sweep drops whatever expired elsewhere, so memory holds only live state.
 * Not thread-safe: {@link InMemoryQuotaStore} holds its lock.
 */
final class InMemoryState {
    private static final long SWEEP_EVERY_MILLIS = 60_000;

    private record CounterKey(String scopeId, String period) {
    }

    private final Map<String, ScopeState> scopes = new HashMap<>();
    private final Map<CounterKey, BudgetCounter> counters = new HashMap<>();
    private long nextSweepAt;

    /** The scope's state, purged at {@code nowMillis}; created when absent. */
    ScopeState scope(String scopeId, long nowMillis) {
        ScopeState state = scopes.computeIfAbsent(scopeId, id -> new ScopeState());
        state.purge(nowMillis);
        return state;
    }

    /** The counter, or null when the store does not have it (never seen, or expired). */
    BudgetCounter counter(String scopeId, Period period, long nowMillis) {
        CounterKey key = new CounterKey(scopeId, period.key());
        BudgetCounter counter = counters.get(key);
        if (counter != null && counter.expiresAt <= nowMillis) {
            counters.remove(key);
            return null;
        }
        return counter;
    }

    /** The counter, created unseeded when absent; null for a period whose counter would have expired already. */
    BudgetCounter counterToWrite(String scopeId, Period period, long nowMillis) {
        BudgetCounter counter = counter(scopeId, period, nowMillis);
        if (counter == null && period.counterExpiresAtMillis() > nowMillis) {
            counter = new BudgetCounter(period.counterExpiresAtMillis());
            counters.put(new CounterKey(scopeId, period.key()), counter);
        }
        return counter;
    }

    int size() {
        return scopes.size() + counters.size();
    }

    /** Called at the start of each operation (never in the middle: it drops idle scopes' state objects). */
    void sweepIfDue(long nowMillis) {
        if (nowMillis < nextSweepAt) {
            return;
        }
        nextSweepAt = nowMillis + SWEEP_EVERY_MILLIS;
        scopes.values().removeIf(state -> {
            state.purge(nowMillis);
            return state.idle();
        });
        counters.values().removeIf(counter -> counter.expiresAt <= nowMillis);
    }
}
