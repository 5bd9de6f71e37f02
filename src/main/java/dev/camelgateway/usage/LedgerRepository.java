package dev.camelgateway.usage;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The usage ledger table ({@code V1__usage_ledger.sql}, V3's caller and cost, V4's client session, V6's malformed events): batched inserts, and the admin read side. */
@Repository
public class LedgerRepository {
    private static final String INSERT = "INSERT INTO usage_ledger (request_id, attempt, client_request_id, started_at, "
            + "finished_at, requested_model, provider, upstream_model, stream, status, prompt_tokens, completion_tokens, "
            + "total_tokens, cached_tokens, reasoning_tokens, usage_source, ttft_ms, duration_ms, http_status, error_code, "
            + "upstream_request_id, api, key_id, team, cost_usd, client_session_id, malformed_events) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final int[] TYPES = {Types.VARCHAR, Types.INTEGER, Types.VARCHAR, Types.TIMESTAMP, Types.TIMESTAMP,
            Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.BOOLEAN, Types.VARCHAR, Types.BIGINT, Types.BIGINT,
            Types.BIGINT, Types.BIGINT, Types.BIGINT, Types.VARCHAR, Types.BIGINT, Types.BIGINT, Types.INTEGER, Types.VARCHAR,
            Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.DECIMAL, Types.VARCHAR, Types.INTEGER};
    /** {@code group_by} values of the read side → their column. */
    private static final Map<String, String> GROUP_COLUMNS = Map.of("model", "requested_model", "provider", "provider",
            "key", "key_id", "team", "team");

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    public LedgerRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.transaction = jdbc == null ? null : new TransactionTemplate(new JdbcTransactionManager(jdbc.getDataSource()));
    }

    /**
     * The rows in one transaction: all of them or none, so that a refused batch can be retried row by row without
     * writing any row twice. Failures come as Spring's {@code DataAccessException}s (a commit's too).
     */
    public void insertAll(List<AttemptRecord> records) {
        transaction.executeWithoutResult(status -> insert(records));
    }

    public void insert(List<AttemptRecord> records) {
        jdbc.batchUpdate(INSERT, records.stream().map(LedgerRepository::toRow).toList(), TYPES);
    }

    public List<Map<String, Object>> attemptsOf(String requestId) {
        return lowerCaseKeys(jdbc.queryForList("SELECT * FROM usage_ledger WHERE request_id = ? ORDER BY attempt", requestId));
    }

    /** Whether {@link #totals} can group by this ({@code group_by} of the read side). */
    public static boolean groupable(String groupBy) {
        return GROUP_COLUMNS.containsKey(groupBy);
    }

    /**
     * Totals per model, provider, key or team between two instants (either may be null). {@code cost_usd} sums the
     * priced attempts (null when none is); {@code unpriced} counts the others, whose cost the total leaves out.
     */
    public List<Map<String, Object>> totals(String groupBy, Instant from, Instant to) {
        String column = GROUP_COLUMNS.get(groupBy);
        if (column == null) {
            throw new IllegalArgumentException(groupBy);
        }
        return lowerCaseKeys(jdbc.queryForList("SELECT " + column + " AS grp, " + TOTALS + " FROM usage_ledger "
                + "WHERE started_at >= ? AND started_at < ? GROUP BY " + column + " ORDER BY " + column + " NULLS LAST",
                start(from), end(to)));
    }

    /** One key's ({@code key_id}) or one team's ({@code team}) totals between two instants (either may be null). */
    public Totals totalsOf(String column, String id, Instant from, Instant to) {
        if (!column.equals("key_id") && !column.equals("team")) {
            throw new IllegalArgumentException(column);
        }
        return jdbc.queryForObject("SELECT " + TOTALS + " FROM usage_ledger WHERE " + column + " = ? AND started_at >= ? "
                + "AND started_at < ?", (rs, i) -> new Totals(rs.getLong("attempts"), rs.getLong("complete"),
                rs.getLong("prompt_tokens"), rs.getLong("completion_tokens"), rs.getLong("total_tokens"),
                rs.getBigDecimal("cost_usd"), rs.getLong("unpriced")), id, start(from), end(to));
    }

    /** Attempts (complete ones), tokens, the priced attempts' cost (null when none is) and how many had no price. */
    public record Totals(long attempts, long complete, long promptTokens, long completionTokens, long totalTokens,
                         java.math.BigDecimal costUsd, long unpriced) {
    }

    private static final String TOTALS = "COUNT(*) AS attempts, "
            + "COALESCE(SUM(CASE WHEN status = 'COMPLETE' THEN 1 ELSE 0 END), 0) AS complete, "
            + "COALESCE(SUM(prompt_tokens), 0) AS prompt_tokens, COALESCE(SUM(completion_tokens), 0) AS completion_tokens, "
            + "COALESCE(SUM(total_tokens), 0) AS total_tokens, SUM(cost_usd) AS cost_usd, "
            + "COALESCE(SUM(CASE WHEN cost_usd IS NULL THEN 1 ELSE 0 END), 0) AS unpriced";

    private static Timestamp start(Instant from) {
        return Timestamp.from(from == null ? Instant.EPOCH : from);
    }

    private static Timestamp end(Instant to) {
        return Timestamp.from(to == null ? Instant.parse("9999-01-01T00:00:00Z") : to);
    }

    /**
     * H2 answers column names in upper case, PostgreSQL in lower case: the JSON read side always says lower case. A
     * whole-number SUM comes back as a decimal, which H2 normalises (50 is {@code 5E+1}): it goes out as an integer.
     */
    static List<Map<String, Object>> lowerCaseKeys(List<Map<String, Object>> rows) {
        return rows.stream().map(row -> {
            Map<String, Object> lower = new java.util.LinkedHashMap<>();
            row.forEach((k, v) -> lower.put(k.toLowerCase(java.util.Locale.ROOT), wholeNumber(v)));
            return lower;
        }).toList();
    }

    private static Object wholeNumber(Object value) {
        if (value instanceof java.math.BigDecimal decimal && decimal.stripTrailingZeros().scale() <= 0) {
            return decimal.toBigIntegerExact();
        }
        return value;
    }

    private static Object[] toRow(AttemptRecord r) {
        Usage u = r.usage();
        return new Object[] {r.requestId(), r.attempt(), r.clientRequestId(), Timestamp.from(r.startedAt()),
                Timestamp.from(r.finishedAt()), r.requestedModel(), r.provider(), r.upstreamModel(), r.stream(),
                r.status().name(), u.promptTokens(), u.completionTokens(), u.totalTokens(), u.cachedTokens(),
                u.reasoningTokens(), r.usageSource(), r.ttftMillis(), r.durationMillis(), r.httpStatus(), r.errorCode(),
                r.upstreamRequestId(), r.api(), r.keyId(), r.team(), r.costUsd(), r.clientSessionId(),
                r.malformedEvents()};
    }
}
