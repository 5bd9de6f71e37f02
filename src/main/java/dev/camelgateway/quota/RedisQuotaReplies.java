package dev.camelgateway.quota;

import dev.camelgateway.quota.Admission.RateStatus;
import dev.camelgateway.quota.QuotaPeriods.Period;
import dev.camelgateway.quota.SeedSteps.AdmitStep;
import dev.camelgateway.quota.SeedSteps.Decided;
import dev.camelgateway.quota.SeedSteps.RecordedChanged;
import dev.camelgateway.quota.SeedSteps.SeedStep;
import dev.camelgateway.quota.SeedSteps.Seeded;
import dev.camelgateway.quota.SeedSteps.Unseeded;
import dev.camelgateway.quota.SeedSteps.UnseededCounter;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The quota scripts' replies (see each script's header) as the seeding loop's steps. Pure. */
final class RedisQuotaReplies {
    private RedisQuotaReplies() {
    }

    static AdmitStep toAdmitStep(List<Object> reply, Period day, Period month) {
        String kind = (String) reply.get(0);
        return switch (kind) {
            case "admitted" -> new Decided(new Admission.Admitted(toRateStatus(reply, 1)));
            case "refused" -> new Decided(new Admission.Refused((String) reply.get(1),
                    Admission.Limit.valueOf((String) reply.get(2)), (Long) reply.get(3), toRateStatus(reply, 4)));
            case "unseeded" -> new Unseeded(toUnseeded(reply, day, month));
            default -> throw new IllegalStateException("unexpected admit reply " + kind);
        };
    }

    static SeedStep toSeedStep(List<Object> reply) {
        String kind = (String) reply.get(0);
        return switch (kind) {
            case "seeded" -> new Seeded();
            case "changed" -> new RecordedChanged(strings(reply, 1, reply.size()));
            default -> throw new IllegalStateException("unexpected seed reply " + kind);
        };
    }

    private static RateStatus toRateStatus(List<Object> reply, int from) {
        return new RateStatus((Long) reply.get(from), (Long) reply.get(from + 1), (Long) reply.get(from + 2),
                (Long) reply.get(from + 3), (Long) reply.get(from + 4), (Long) reply.get(from + 5));
    }

    /** Groups of scope id, period key, n, then n recorded attempt ids. */
    private static List<UnseededCounter> toUnseeded(List<Object> reply, Period day, Period month) {
        List<UnseededCounter> counters = new ArrayList<>();
        int at = 1;
        while (at < reply.size()) {
            String scopeId = (String) reply.get(at);
            String period = (String) reply.get(at + 1);
            int recorded = Math.toIntExact((Long) reply.get(at + 2));
            counters.add(new UnseededCounter(scopeId, period.equals(day.key()) ? day : month,
                    strings(reply, at + 3, at + 3 + recorded)));
            at += 3 + recorded;
        }
        return counters;
    }

    private static Set<String> strings(List<Object> reply, int from, int to) {
        Set<String> strings = new HashSet<>();
        for (Object value : reply.subList(from, to)) {
            strings.add((String) value);
        }
        return Set.copyOf(strings);
    }
}
