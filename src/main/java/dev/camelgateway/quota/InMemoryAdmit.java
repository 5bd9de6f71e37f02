package dev.camelgateway.quota;

import dev.camelgateway.quota.Admission.Limit;
import dev.camelgateway.quota.Admission.RateStatus;
import dev.camelgateway.quota.QuotaPeriods.Period;
import dev.camelgateway.quota.QuotaStore.AdmissionRequest;
import dev.camelgateway.quota.QuotaStore.Scope;
import dev.camelgateway.quota.SeedSteps.AdmitStep;
import dev.camelgateway.quota.SeedSteps.Decided;
import dev.camelgateway.quota.SeedSteps.Unseeded;
import dev.camelgateway.quota.SeedSteps.UnseededCounter;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * One admission in the in-memory store, step for step as {@code quota/admit.lua}: report unseeded counters, else
 * check every limit of every scope in {@link #CHECK_ORDER} (for each limit the scopes in the request's order), and
 * take only when all pass. Runs under the store's lock.
 */
final class InMemoryAdmit {
    static final List<Limit> CHECK_ORDER = List.of(Limit.PARALLEL, Limit.RPM, Limit.TPM, Limit.DAILY_TOKENS,
            Limit.MONTHLY_TOKENS, Limit.DAILY_USD, Limit.MONTHLY_USD);
    static final long PARALLEL_RETRY_MILLIS = 1000;

    /** A scope as this admission sees it: buckets refilled to now, counters seeded (null where it has no limit). */
    private record Checked(Scope scope, ScopeState state, TokenBucket rpm, TokenBucket tpm, BudgetCounter day,
                           BudgetCounter month) {
        Limits limits() {
            return scope.limits();
        }
    }

    private final InMemoryState store;
    private final AdmissionRequest request;
    private final long now;
    private final Period day;
    private final Period month;

    InMemoryAdmit(InMemoryState store, AdmissionRequest request, long nowMillis) {
        this.store = store;
        this.request = request;
        this.now = nowMillis;
        this.day = QuotaPeriods.day(Instant.ofEpochMilli(nowMillis));
        this.month = QuotaPeriods.month(Instant.ofEpochMilli(nowMillis));
    }

    AdmitStep decide(long reservationTtlMillis) {
        List<Scope> limited = request.scopes().stream().filter(scope -> !scope.limits().none()).toList();
        List<UnseededCounter> unseeded = unseeded(limited);
        if (!unseeded.isEmpty()) {
            return new Unseeded(unseeded);
        }
        List<Checked> checked = limited.stream().map(this::checked).toList();
        for (Limit limit : CHECK_ORDER) {
            for (Checked scope : checked) {
                Long retryAfter = refusal(limit, scope);
                if (retryAfter != null) {
                    return new Decided(new Admission.Refused(scope.scope().id(), limit, retryAfter, status(checked)));
                }
            }
        }
        checked.forEach(scope -> take(scope, reservationTtlMillis));
        return new Decided(new Admission.Admitted(status(checked)));
    }

    private List<UnseededCounter> unseeded(List<Scope> limited) {
        List<UnseededCounter> unseeded = new ArrayList<>();
        for (Scope scope : limited) {
            if (dailyBudget(scope.limits())) {
                unseededCounter(scope.id(), day).ifPresent(unseeded::add);
            }
            if (monthlyBudget(scope.limits())) {
                unseededCounter(scope.id(), month).ifPresent(unseeded::add);
            }
        }
        return unseeded;
    }

    private Optional<UnseededCounter> unseededCounter(String scopeId, Period period) {
        BudgetCounter counter = store.counter(scopeId, period, now);
        if (counter != null && counter.seeded) {
            return Optional.empty();
        }
        Set<String> recorded = counter == null ? Set.of() : Set.copyOf(counter.recorded);
        return Optional.of(new UnseededCounter(scopeId, period, recorded));
    }

    private Checked checked(Scope scope) {
        Limits limits = scope.limits();
        ScopeState state = store.scope(scope.id(), now);
        return new Checked(scope, state,
                limits.rpm() == null ? null : state.rpm(limits.rpm(), now),
                limits.tpm() == null ? null : state.tpm(limits.tpm(), now),
                dailyBudget(limits) ? store.counter(scope.id(), day, now) : null,
                monthlyBudget(limits) ? store.counter(scope.id(), month, now) : null);
    }

    /** The scope's retry-after if {@code limit} refuses this request, else null. */
    private Long refusal(Limit limit, Checked scope) {
        Limits limits = scope.limits();
        return switch (limit) {
            case PARALLEL -> limits.maxParallelRequests() != null
                    && scope.state().activeReservations() >= limits.maxParallelRequests() ? PARALLEL_RETRY_MILLIS : null;
            case RPM -> limits.rpm() != null && !scope.rpm().holds(1) ? scope.rpm().millisUntil(1, limits.rpm()) : null;
            case TPM -> limits.tpm() != null && !scope.tpm().holds(tpmNeeded(limits.tpm()))
                    ? scope.tpm().millisUntil(tpmNeeded(limits.tpm()), limits.tpm()) : null;
            case DAILY_TOKENS -> tokensOver(limits.dailyBudgetTokens(), scope.day(), scope.state()) ? untilEnd(day) : null;
            case MONTHLY_TOKENS -> tokensOver(limits.monthlyBudgetTokens(), scope.month(), scope.state())
                    ? untilEnd(month) : null;
            case DAILY_USD -> costOver(UsdNanos.of(limits.dailyBudgetUsd()), scope.day(), scope.state())
                    ? untilEnd(day) : null;
            case MONTHLY_USD -> costOver(UsdNanos.of(limits.monthlyBudgetUsd()), scope.month(), scope.state())
                    ? untilEnd(month) : null;
        };
    }

    /** A request larger than the bucket waits for a full bucket, then goes into debt. */
    private double tpmNeeded(long capacity) {
        return Math.min(request.tokens(), capacity);
    }

    /** Settled in the period + held by active reservations + this estimate, against the budget. */
    private boolean tokensOver(Long budget, BudgetCounter spent, ScopeState state) {
        return budget != null && spent.tokens + state.heldTokens() + request.tokens() > budget;
    }

    private boolean costOver(Long budgetNanos, BudgetCounter spent, ScopeState state) {
        return budgetNanos != null && spent.costNanos + state.heldCostNanos() + request.costNanos() > budgetNanos;
    }

    private long untilEnd(Period period) {
        return Math.max(1, period.end().toEpochMilli() - now);
    }

    private void take(Checked scope, long reservationTtlMillis) {
        Limits limits = scope.limits();
        scope.state().reserve(request.reservationId(), now + reservationTtlMillis,
                new ScopeState.Held(request.tokens(), request.costNanos()));
        if (scope.rpm() != null) {
            scope.rpm().take(1);
            scope.state().keepRates(scope.rpm(), limits.rpm(), now);
        }
        if (scope.tpm() != null) {
            scope.tpm().take(request.tokens());
            scope.state().keepRates(scope.tpm(), limits.tpm(), now);
        }
    }

    /** The tightest scope's buckets: the fewest whole tokens left, the first such scope on a tie. */
    private static RateStatus status(List<Checked> checked) {
        Tightest requests = tightest(checked, Checked::rpm, scope -> scope.limits().rpm());
        Tightest tokens = tightest(checked, Checked::tpm, scope -> scope.limits().tpm());
        return new RateStatus(requests.limit(), requests.remaining(), requests.resetMillis(),
                tokens.limit(), tokens.remaining(), tokens.resetMillis());
    }

    private record Tightest(Long limit, Long remaining, Long resetMillis) {
        static final Tightest NONE = new Tightest(null, null, null);
    }

    private static Tightest tightest(List<Checked> checked, Function<Checked, TokenBucket> bucketOf,
                                     Function<Checked, Long> capacityOf) {
        Tightest tightest = Tightest.NONE;
        for (Checked scope : checked) {
            TokenBucket bucket = bucketOf.apply(scope);
            if (bucket != null && (tightest.remaining() == null || bucket.remaining() < tightest.remaining())) {
                long capacity = capacityOf.apply(scope);
                tightest = new Tightest(capacity, bucket.remaining(), bucket.millisUntilFull(capacity));
            }
        }
        return tightest;
    }

    static boolean dailyBudget(Limits limits) {
        return limits.dailyBudgetTokens() != null || limits.dailyBudgetUsd() != null;
    }

    static boolean monthlyBudget(Limits limits) {
        return limits.monthlyBudgetTokens() != null || limits.monthlyBudgetUsd() != null;
    }
}
