package dev.camelgateway.quota;

import java.util.HashSet;
import java.util.Set;

/**
 * One scope's spending in one UTC period, in the in-memory store. Until it is seeded from the ledger it remembers the
 * attempts settled into it, which the seed leaves out of the ledger's total.
 */
final class BudgetCounter {
    final long expiresAt;
    long tokens;
    long costNanos;
    boolean seeded;
    final Set<String> recorded = new HashSet<>();

    BudgetCounter(long expiresAt) {
        this.expiresAt = expiresAt;
    }

    void add(String attemptId, long tokens, long costNanos) {
        this.tokens += tokens;
        this.costNanos += costNanos;
        if (!seeded) {
            recorded.add(attemptId);
        }
    }

    void seed(LedgerTotals.Spent spent) {
        tokens += spent.tokens();
        costNanos += spent.costNanos();
        seeded = true;
        recorded.clear();
    }
}
