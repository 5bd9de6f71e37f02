package dev.camelgateway.keys;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.camelgateway.api.Bounded;
import dev.camelgateway.api.GatewayException;
import org.apache.camel.Exchange;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * {@code GET /admin/keys/{id}/usage} and {@code GET /admin/teams/{id}/usage}: what one key or one team spent between
 * {@code from} (inclusive) and {@code to} (exclusive), from the ledger's {@code key_id} and {@code team} columns.
 * {@code cost_usd} sums the priced attempts; {@code unpriced} says how many had no price (a model without
 * one, an unknown count), so that a partial sum does not pass for the whole. A deleted key's rows still count.
 */
@Component("keyUsageQueries")
public class KeyUsageQueries {
    private static final Instant NO_END = Instant.parse("9999-01-01T00:00:00Z");
    private static final String TOTALS = "SELECT COUNT(*) AS attempts, "
            + "COALESCE(SUM(CASE WHEN status = 'COMPLETE' THEN 1 ELSE 0 END), 0) AS complete, "
            + "COALESCE(SUM(prompt_tokens), 0) AS prompt_tokens, COALESCE(SUM(completion_tokens), 0) AS completion_tokens, "
            + "COALESCE(SUM(total_tokens), 0) AS total_tokens, SUM(cost_usd) AS cost_usd, "
            + "COALESCE(SUM(CASE WHEN cost_usd IS NULL THEN 1 ELSE 0 END), 0) AS unpriced FROM usage_ledger WHERE ";
    private static final String RANGE = " = ? AND started_at >= ? AND started_at < ?";

    private final JdbcTemplate jdbc;
    private final KeyRegistry registry;
    private final KeyRepository repository;

    /** One key's or one team's totals; {@code cost_usd} null when no attempt had a price. */
    record UsageTotals(String keyId, String team, Instant from, Instant to, long attempts, long complete,
                       long promptTokens, long completionTokens, long totalTokens,
                       @JsonInclude(JsonInclude.Include.ALWAYS) BigDecimal costUsd, long unpriced) {
    }

    private record Counts(long attempts, long complete, long promptTokens, long completionTokens, long totalTokens,
                          BigDecimal costUsd, long unpriced) {
    }

    public KeyUsageQueries(JdbcTemplate jdbc, KeyRegistry registry, KeyRepository repository) {
        this.jdbc = jdbc;
        this.registry = registry;
        this.repository = repository;
    }

    /** 404 only for a key that neither exists nor has rows (a deleted key's rows are still its usage). */
    public void ofKey(Exchange exchange) {
        String id = id(exchange, "key");
        Range range = Range.of(exchange);
        Counts counts = counts("key_id", id, range);
        if (counts.attempts() == 0 && registry.byId(id) == null && repository.key(id).isEmpty()) {
            throw AdminAnswers.notFound("No gateway key '" + id + "', and no usage recorded for one.", "id");
        }
        AdminAnswers.json(exchange, 200, totals(id, null, range, counts));
    }

    public void ofTeam(Exchange exchange) {
        String id = id(exchange, "team");
        Range range = Range.of(exchange);
        Counts counts = counts("team", id, range);
        if (counts.attempts() == 0 && registry.team(id) == null && repository.team(id).isEmpty()) {
            throw AdminAnswers.notFound("No team '" + id + "', and no usage recorded for one.", "id");
        }
        AdminAnswers.json(exchange, 200, totals(null, id, range, counts));
    }

    /** {@code column} is one of two constants, never the client's. */
    private Counts counts(String column, String id, Range range) {
        return jdbc.queryForObject(TOTALS + column + RANGE, (rs, i) -> new Counts(rs.getLong("attempts"),
                        rs.getLong("complete"), rs.getLong("prompt_tokens"), rs.getLong("completion_tokens"),
                        rs.getLong("total_tokens"), plain(rs.getBigDecimal("cost_usd")), rs.getLong("unpriced")),
                id, Timestamp.from(range.fromOrStart()), Timestamp.from(range.toOrEnd()));
    }

    private static UsageTotals totals(String keyId, String team, Range range, Counts c) {
        return new UsageTotals(keyId, team, range.from(), range.to(), c.attempts(), c.complete(), c.promptTokens(),
                c.completionTokens(), c.totalTokens(), c.costUsd(), c.unpriced());
    }

    /** 0.001000000 (the column's scale) as 0.001, and 100 as 100 rather than 1E+2. */
    private static BigDecimal plain(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static String id(Exchange exchange, String what) {
        String id = AdminAnswers.pathParameter(exchange, "id");
        if (!KeyIds.valid(id)) {
            throw AdminAnswers.notFound("No " + what + " '" + Bounded.of(Objects.toString(id, "")) + "'.", "id");
        }
        return id;
    }

    /** The query's {@code from} and {@code to}, ISO-8601 instants, either absent. */
    private record Range(Instant from, Instant to) {
        static Range of(Exchange exchange) {
            return new Range(instant(exchange, "from"), instant(exchange, "to"));
        }

        Instant fromOrStart() {
            return from == null ? Instant.EPOCH : from;
        }

        Instant toOrEnd() {
            return to == null ? NO_END : to;
        }

        private static Instant instant(Exchange exchange, String param) {
            String value = exchange.getMessage().getHeader(param, String.class);
            if (value == null || value.isBlank()) {
                return null;
            }
            try {
                return Instant.parse(value);
            } catch (DateTimeParseException e) {
                throw GatewayException.badRequest("Invalid '" + param + "': use an ISO-8601 instant such as "
                        + "2026-11-26T00:00:00Z.", param, "invalid_value");
            }
        }
    }
}
