package dev.camelgateway.quota;

import dev.camelgateway.quota.LedgerTotals.Spent;
import dev.camelgateway.quota.QuotaPeriods.Period;
import dev.camelgateway.quota.SeedSteps.AdmitStep;
import dev.camelgateway.quota.SeedSteps.RecordedChanged;
import dev.camelgateway.quota.SeedSteps.SeedStep;
import dev.camelgateway.quota.SeedSteps.Seeded;
import dev.camelgateway.quota.SeedSteps.UnseededCounter;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The quota store of a single gateway instance: the semantics of {@link RedisQuotaStore} (its Lua scripts, step for
 * step) under one lock. The ledger is never queried under the lock. Memory holds only live state: expired
 * reservations, settle markers older than an hour, rate buckets that are full again and counters a day past their
 * period are dropped (see {@link InMemoryState}); after a restart every budget counter is seeded from the ledger.
 */
public final class InMemoryQuotaStore extends SeedingQuotaStore {
    private final ReentrantLock lock = new ReentrantLock();
    private final InMemoryState state = new InMemoryState();
    private final long reservationTtlMillis;

    /** {@code reservationTtl}: how long a reservation never released (its instance died) holds its slot and amounts. */
    public InMemoryQuotaStore(Duration reservationTtl, LedgerTotals ledger, Clock clock) {
        super(ledger, clock);
        this.reservationTtlMillis = reservationTtl.toMillis();
    }

    @Override
    AdmitStep tryAdmit(AdmissionRequest request, long nowMillis) {
        return locked(nowMillis, () -> new InMemoryAdmit(state, request, nowMillis).decide(reservationTtlMillis));
    }

    @Override
    public void settle(Settlement settlement) {
        requireAmounts(settlement.tokens(), settlement.costNanos());
        String attemptId = settlement.requestId() + "#" + settlement.attempt();
        Period day = QuotaPeriods.day(settlement.startedAt());
        Period month = QuotaPeriods.month(settlement.startedAt());
        long now = clock.millis();
        locked(now, () -> {
            for (Scope scope : settlement.scopes()) {
                Limits limits = scope.limits();
                state.scope(scope.id(), now).extend(settlement.reservationId(), now + reservationTtlMillis);
                if (limits.tpm() == null && !limits.budgeted()) {
                    continue;
                }
                ScopeState scopeState = state.scope(scope.id(), now);
                if (!scopeState.markSettled(attemptId, now)) {
                    continue;
                }
                if (limits.budgeted()) {
                    addTo(state.counterToWrite(scope.id(), day, now), attemptId, settlement);
                    addTo(state.counterToWrite(scope.id(), month, now), attemptId, settlement);
                }
                if (limits.tpm() != null) {
                    TokenBucket tpm = scopeState.tpm(limits.tpm(), now);
                    tpm.take(settlement.tokens());
                    scopeState.keepRates(tpm, limits.tpm(), now);
                }
            }
            return null;
        });
    }

    private static void addTo(BudgetCounter counter, String attemptId, Settlement settlement) {
        if (counter != null) {
            counter.add(attemptId, settlement.tokens(), settlement.costNanos());
        }
    }

    @Override
    public void release(String reservationId, List<Scope> scopes) {
        long now = clock.millis();
        locked(now, () -> {
            for (Scope scope : scopes) {
                ScopeState scopeState = state.scope(scope.id(), now);
                ScopeState.Held held = scopeState.release(reservationId);
                Long capacity = scope.limits().tpm();
                if (held != null && capacity != null) {
                    TokenBucket tpm = scopeState.tpm(capacity, now);
                    tpm.give(held.tokens(), capacity);
                    scopeState.keepRates(tpm, capacity, now);
                }
            }
            return null;
        });
    }

    @Override
    SeedStep trySeed(UnseededCounter unseeded, Spent spent, Set<String> excluded) {
        long now = clock.millis();
        return locked(now, () -> {
            BudgetCounter counter = state.counterToWrite(unseeded.scopeId(), unseeded.period(), now);
            if (counter == null || counter.seeded) {
                return new Seeded();
            }
            if (!excluded.containsAll(counter.recorded)) {
                return new RecordedChanged(Set.copyOf(counter.recorded));
            }
            counter.seed(spent);
            return new Seeded();
        });
    }

    /** Scopes and counters held: for tests of the memory bound. */
    int entries() {
        return locked(clock.millis(), state::size);
    }

    private <T> T locked(long nowMillis, Supplier<T> operation) {
        lock.lock();
        try {
            state.sweepIfDue(nowMillis);
            return operation.get();
        } finally {
            lock.unlock();
        }
    }
}
