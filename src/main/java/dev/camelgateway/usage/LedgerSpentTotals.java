package dev.camelgateway.usage;

import dev.camelgateway.cost.Price;
import dev.camelgateway.quota.LedgerTotals;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * What the ledger holds for a key ({@code key:<id>}) or a team ({@code team:<id>}) in {@code [from, to)} by
 * {@code started_at}: tokens (prompt + completion, an unknown count as 0) and cost (the priced attempts, exact to the
 * nano-USD). Rows not yet written (in the writer's queue or spool) are not counted. One indexed query per call.
 */
@Component
public class LedgerSpentTotals implements LedgerTotals {
    private static final String SUM = "SELECT COALESCE(SUM(COALESCE(prompt_tokens, 0) + COALESCE(completion_tokens, 0)), 0)"
            + " AS tokens, SUM(cost_usd) AS cost FROM usage_ledger WHERE ";
    private static final String ATTEMPT_ID = "(request_id || '#' || CAST(attempt AS VARCHAR(11)))";

    private final JdbcTemplate jdbc;

    public LedgerSpentTotals(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Spent spent(String scopeId, Instant from, Instant to, Set<String> excluded) {
        List<Object> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder(SUM).append(scopeColumn(scopeId)).append(" = ? AND started_at >= ? AND started_at < ?");
        args.add(scopeId.substring(scopeId.indexOf(':') + 1));
        args.add(Timestamp.from(from));
        args.add(Timestamp.from(to));
        if (!excluded.isEmpty()) {
            sql.append(" AND ").append(ATTEMPT_ID).append(" NOT IN (")
                    .append(String.join(", ", Collections.nCopies(excluded.size(), "?"))).append(')');
            args.addAll(excluded);
        }
        return jdbc.queryForObject(sql.toString(), (rs, row) -> {
            BigDecimal cost = rs.getBigDecimal("cost");
            return new Spent(rs.getLong("tokens"), cost == null ? 0 : Price.toCostNanos(cost));
        }, args.toArray());
    }

    /** {@code key:<id>} → key_id, {@code team:<id>} → team; anything else is a caller's bug. */
    private static String scopeColumn(String scopeId) {
        if (scopeId.startsWith("key:")) {
            return "key_id";
        }
        if (scopeId.startsWith("team:")) {
            return "team";
        }
        throw new IllegalArgumentException("scope '" + scopeId + "' is neither key:<id> nor team:<id>");
    }
}
