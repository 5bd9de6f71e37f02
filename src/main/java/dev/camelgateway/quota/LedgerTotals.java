package dev.camelgateway.quota;

import java.time.Instant;
import java.util.Set;

/**
 * What the ledger holds for a scope in a period: the source a lost budget counter is seeded from. Rows named in
 * {@code excluded} ({@code request_id + "#" + attempt}) are left out: they were settled into the new counter already.
 */
public interface LedgerTotals {
    Spent spent(String scopeId, Instant from, Instant to, Set<String> excluded);

    record Spent(long tokens, long costNanos) {
        public static final Spent ZERO = new Spent(0, 0);
    }
}
