package dev.camelgateway.quota;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A ledger of rows in memory, summed as the real one sums them; it records every query, and can run something once
 * at the start of the next query (a settle or a second seeder racing it).
 */
final class FakeLedger implements LedgerTotals {
    record Row(String scopeId, Instant at, String attemptId, long tokens, long costNanos) {
    }

    record Query(String scopeId, Instant from, Instant to, Set<String> excluded) {
    }

    private final List<Row> rows = new CopyOnWriteArrayList<>();
    private final List<Query> queries = new CopyOnWriteArrayList<>();
    private final AtomicReference<Runnable> duringNextQuery = new AtomicReference<>();

    void add(String scopeId, Instant at, String attemptId, long tokens, long costNanos) {
        rows.add(new Row(scopeId, at, attemptId, tokens, costNanos));
    }

    void duringNextQuery(Runnable race) {
        duringNextQuery.set(race);
    }

    List<Query> queries() {
        return List.copyOf(queries);
    }

    @Override
    public Spent spent(String scopeId, Instant from, Instant to, Set<String> excluded) {
        queries.add(new Query(scopeId, from, to, excluded));
        Runnable race = duringNextQuery.getAndSet(null);
        if (race != null) {
            race.run();
        }
        long tokens = 0;
        long cost = 0;
        for (Row row : rows) {
            if (row.scopeId().equals(scopeId) && !row.at().isBefore(from) && row.at().isBefore(to)
                    && !excluded.contains(row.attemptId())) {
                tokens += row.tokens();
                cost += row.costNanos();
            }
        }
        return new Spent(tokens, cost);
    }
}
