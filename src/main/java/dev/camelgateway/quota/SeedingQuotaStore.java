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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The seeding protocol both stores share. A budget counter the store lacks is seeded once from the ledger: the atomic
 * admit step reports it instead of deciding; the ledger is queried outside any lock, leaving out the attempts already
 * settled into the counter; the atomic seed step adds the total only if the counter is still unseeded (a concurrent
 * seeder's second seed is a no-op) and refuses if settles arrived that the query did not leave out (then the query
 * runs again). Both loops are bounded: a store that cannot settle down is reported as unavailable.
 */
public abstract class SeedingQuotaStore implements QuotaStore {
    static final int ROUNDS = 5;
    static final int SEED_WAIT_SECONDS = 10;
    private final ConcurrentHashMap<String, Seeding> seeding = new ConcurrentHashMap<>();

    private record Seeding(Thread owner, CompletableFuture<Void> done) {
    }

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
            ((Unseeded) step).counters().forEach(this::seedOnce);
        }
        throw new QuotaStoreUnavailable("budget counters still unseeded after " + ROUNDS + " rounds", null);
    }

    /**
     * One seed per counter in this instance at a time: after a flush, every busy key's requests would otherwise each run
     * the period's ledger query at once. The others wait for it (at most {@value #SEED_WAIT_SECONDS} s), then admit.
     */
    private void seedOnce(UnseededCounter counter) {
        String id = counter.scopeId() + " " + counter.period().key();
        Seeding mine = new Seeding(Thread.currentThread(), new CompletableFuture<>());
        Seeding running = seeding.putIfAbsent(id, mine);
        if (running != null && running.owner() == Thread.currentThread()) {
            seed(counter); // re-entered from the seed's own ledger query: the seed step's guard makes it a no-op
            return;
        }
        if (running != null) {
            try {
                running.done().get(SEED_WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new QuotaStoreUnavailable("interrupted waiting for the seed of " + id, e);
            } catch (ExecutionException | TimeoutException e) {
                throw new QuotaStoreUnavailable("the seed of " + id + " failed or took too long", e);
            }
            return;
        }
        try {
            seed(counter);
            mine.done().complete(null);
        } catch (RuntimeException e) {
            mine.done().completeExceptionally(e);
            throw e;
        } finally {
            seeding.remove(id, mine);
        }
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
