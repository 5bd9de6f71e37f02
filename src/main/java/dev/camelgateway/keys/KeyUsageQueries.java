package dev.camelgateway.keys;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.camelgateway.api.Bounded;
import dev.camelgateway.usage.LedgerRepository;
import dev.camelgateway.usage.UsageQueries;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * {@code GET /admin/keys/{id}/usage} and {@code GET /admin/teams/{id}/usage}: what one key or one team spent between
 * {@code from} (inclusive) and {@code to} (exclusive), from the ledger's {@code key_id} and {@code team} columns.
 * {@code cost_usd} sums the priced attempts; {@code unpriced} says how many had no price (a model without
 * one, an unknown count), so that a partial sum does not pass for the whole. A deleted key's rows still count.
 */
@Component("keyUsageQueries")
public class KeyUsageQueries {
    private final LedgerRepository ledger;
    private final KeyRegistry registry;
    private final KeyRepository repository;

    /** One key's or one team's totals; {@code cost_usd} null when no attempt had a price. */
    record UsageTotals(String keyId, String team, Instant from, Instant to, long attempts, long complete,
                       long promptTokens, long completionTokens, long totalTokens,
                       @JsonInclude(JsonInclude.Include.ALWAYS) BigDecimal costUsd, long unpriced) {
    }

    public KeyUsageQueries(LedgerRepository ledger, KeyRegistry registry, KeyRepository repository) {
        this.ledger = ledger;
        this.registry = registry;
        this.repository = repository;
    }

    /** 404 only for a key that neither exists nor has rows (a deleted key's rows are still its usage). */
    public void ofKey(Exchange exchange) {
        String id = id(exchange, "key");
        Range range = Range.of(exchange);
        LedgerRepository.Totals totals = ledger.totalsOf("key_id", id, range.from(), range.to());
        if (totals.attempts() == 0 && registry.byId(id) == null && repository.key(id).isEmpty()) {
            throw AdminAnswers.notFound("No gateway key '" + id + "', and no usage recorded for one.", "id");
        }
        AdminAnswers.json(exchange, 200, answer(id, null, range, totals));
    }

    public void ofTeam(Exchange exchange) {
        String id = id(exchange, "team");
        Range range = Range.of(exchange);
        LedgerRepository.Totals totals = ledger.totalsOf("team", id, range.from(), range.to());
        if (totals.attempts() == 0 && registry.team(id) == null && repository.team(id).isEmpty()) {
            throw AdminAnswers.notFound("No team '" + id + "', and no usage recorded for one.", "id");
        }
        AdminAnswers.json(exchange, 200, answer(null, id, range, totals));
    }

    private static UsageTotals answer(String keyId, String team, Range range, LedgerRepository.Totals t) {
        return new UsageTotals(keyId, team, range.from(), range.to(), t.attempts(), t.complete(), t.promptTokens(),
                t.completionTokens(), t.totalTokens(), plain(t.costUsd()), t.unpriced());
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

    /** The query's {@code from} and {@code to}, either absent. */
    private record Range(Instant from, Instant to) {
        static Range of(Exchange exchange) {
            return new Range(UsageQueries.instant(exchange.getMessage().getHeader("from", String.class), "from"),
                    UsageQueries.instant(exchange.getMessage().getHeader("to", String.class), "to"));
        }
    }
}
