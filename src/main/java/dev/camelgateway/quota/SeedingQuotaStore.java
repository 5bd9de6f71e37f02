package dev.camelgateway.quota;

import dev.camelgateway.quota.LedgerTotals.Spent;
import dev.camelgateway.quota.SeedSteps.AdmitStep;
import dev.camelgateway.quota.SeedSteps.Decided;
import dev.camelgateway.quota.SeedSteps.RecordedChanged;
import dev.camelgateway.quota.SeedSteps.SeedStep;
import dev.camelgateway.quota.SeedSteps.Unseeded;
import dev.camelgateway.quota.SeedSteps.UnseededCounter;

import java.time.Clock;
import java.util.Objects;
import java.util.Set;

/**
 * The seeding protocol both stores share. A budget counter the store lacks is seeded once from the ledger: the atomic
 * admit step reports it instead of deciding; the ledger is queried outside any lock, leaving out the attempts already
 * settled into the counter; the atomic seed step adds the total only if the counter is still unseeded (a concurrent
 * seeder's second seed is a no-op) and refuses if settles arrived that the query did not leave out (then the query
 * runs again). Both loops are bounded: a store that cannot settle down is reported as unavailable.
 */
public abstract class SeedingQuotaStore implements QuotaStore {
    static final int ROUNDS = 5;

    protected final Clock clock;
    private final LedgerTotals ledger;

    protected SeedingQuotaStore(LedgerTotals ledger, Clock clock) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Decides atomically at {@code nowMillis}, or reports the unseeded counters of budgeted scopes. */
    abstract AdmitStep tryAdmit(AdmissionRequest request, long nowMillis);

    /** Adds {@code spent} to the counter and marks it seeded, atomically, iff it is unseeded and all its recorded
     * attempts are in {@code excluded}. */
    abstract SeedStep trySeed(UnseededCounter counter, Spent spent, Set<String> excluded);

    @Override
    public final Admission admit(AdmissionRequest request) {
        requireAmounts(request.tokens(), request.costNanos());
        if (request.scopes().stream().allMatch(scope -> scope.limits().none())) {
            return new Admission.Admitted(Admission.RateStatus.NONE);
        }
        for (int round = 0; round < ROUNDS; round++) {
            AdmitStep step = tryAdmit(request, clock.millis());
            if (step instanceof Decided decided) {
                return decided.admission();
            }
            ((Unseeded) step).counters().forEach(this::seed);
        }
        throw new QuotaStoreUnavailable("budget counters still unseeded after " + ROUNDS + " rounds", null);
    }

    private void seed(UnseededCounter counter) {
        Set<String> excluded = counter.recorded();
        for (int round = 0; round < ROUNDS; round++) {
            SeedStep step = trySeed(counter, spent(counter, excluded), excluded);
            if (!(step instanceof RecordedChanged changed)) {
                return;
            }
            excluded = changed.recorded();
        }
        throw new QuotaStoreUnavailable("settles kept racing the seed of " + counter.scopeId() + " "
                + counter.period().key(), null);
    }

    private Spent spent(UnseededCounter counter, Set<String> excluded) {
        try {
            return ledger.spent(counter.scopeId(), counter.period().start(), counter.period().end(), Set.copyOf(excluded));
        } catch (QuotaStoreUnavailable e) {
            throw e;
        } catch (RuntimeException e) {
            throw new QuotaStoreUnavailable("the ledger could not seed " + counter.scopeId() + " "
                    + counter.period().key(), e);
        }
    }

    static void requireAmounts(long tokens, long costNanos) {
        if (tokens < 0 || costNanos < 0) {
            throw new IllegalArgumentException("negative tokens or cost: " + tokens + ", " + costNanos);
        }
    }
}
