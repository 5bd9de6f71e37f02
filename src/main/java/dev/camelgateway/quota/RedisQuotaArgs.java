package dev.camelgateway.quota;

import dev.camelgateway.quota.LedgerTotals.Spent;
import dev.camelgateway.quota.QuotaPeriods.Period;
import dev.camelgateway.quota.QuotaStore.AdmissionRequest;
import dev.camelgateway.quota.QuotaStore.Scope;
import dev.camelgateway.quota.QuotaStore.Settlement;
import dev.camelgateway.quota.SeedSteps.UnseededCounter;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The ARGV of each quota script, in the order its header comment gives. Pure. */
final class RedisQuotaArgs {
    private RedisQuotaArgs() {
    }

    static String[] admit(String prefix, long now, long ttlMillis, AdmissionRequest request, Period day, Period month) {
        List<String> args = new ArrayList<>(List.of(prefix, str(now), str(ttlMillis), request.reservationId(),
                str(request.tokens()), str(request.costNanos()), day.key(), str(day.end().toEpochMilli()), month.key(),
                str(month.end().toEpochMilli())));
        for (Scope scope : request.scopes()) {
            Limits limits = scope.limits();
            if (!limits.none()) {
                args.addAll(List.of(scope.id(), str(limits.rpm()), str(limits.tpm()), str(limits.maxParallelRequests()),
                        str(limits.dailyBudgetTokens()), str(limits.monthlyBudgetTokens()),
                        str(UsdNanos.of(limits.dailyBudgetUsd())), str(UsdNanos.of(limits.monthlyBudgetUsd()))));
            }
        }
        return args.toArray(String[]::new);
    }

    static String[] settle(String prefix, long now, long reservationTtl, Settlement settlement) {
        Period day = QuotaPeriods.day(settlement.startedAt());
        Period month = QuotaPeriods.month(settlement.startedAt());
        List<String> args = new ArrayList<>(List.of(prefix, str(now), settlement.requestId() + "#" + settlement.attempt(),
                str(settlement.tokens()), str(settlement.costNanos()), day.key(),
                str(day.counterExpiresAtMillis() - now), month.key(), str(month.counterExpiresAtMillis() - now),
                settlement.reservationId(), str(reservationTtl)));
        for (Scope scope : settlement.scopes()) {
            Limits limits = scope.limits();
            args.addAll(List.of(scope.id(), str(limits.tpm()), limits.budgeted() ? "1" : "0"));
        }
        return args.toArray(String[]::new);
    }

    static String[] release(String prefix, long now, String reservationId, List<Scope> scopes) {
        List<String> args = new ArrayList<>(List.of(prefix, str(now), reservationId));
        for (Scope scope : scopes) {
            args.addAll(List.of(scope.id(), str(scope.limits().tpm())));
        }
        return args.toArray(String[]::new);
    }

    static String[] seed(String prefix, long now, UnseededCounter counter, Spent spent, Set<String> excluded) {
        List<String> args = new ArrayList<>(List.of(prefix, counter.scopeId(), counter.period().key(),
                str(counter.period().counterExpiresAtMillis() - now), str(spent.tokens()), str(spent.costNanos())));
        args.addAll(excluded);
        return args.toArray(String[]::new);
    }

    private static String str(Number value) {
        return value == null ? "" : value.toString();
    }
}
