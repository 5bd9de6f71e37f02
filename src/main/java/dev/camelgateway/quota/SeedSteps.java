package dev.camelgateway.quota;

import dev.camelgateway.quota.QuotaPeriods.Period;

import java.util.List;
import java.util.Set;

/** What one atomic step of a store answers to the seeding loop of {@link SeedingQuotaStore}. */
final class SeedSteps {
    private SeedSteps() {
    }

    /** A budget counter the store does not have, with the attempts settled into it since it was (re)created. */
    record UnseededCounter(String scopeId, Period period, Set<String> recorded) {
    }

    /** An admission decided, or the counters to seed before it can be. */
    sealed interface AdmitStep {
    }

    record Decided(Admission admission) implements AdmitStep {
    }

    record Unseeded(List<UnseededCounter> counters) implements AdmitStep {
    }

    /** A seed applied (or already applied by another seeder), or refused because settles arrived meanwhile. */
    sealed interface SeedStep {
    }

    record Seeded() implements SeedStep {
    }

    record RecordedChanged(Set<String> recorded) implements SeedStep {
    }
}
