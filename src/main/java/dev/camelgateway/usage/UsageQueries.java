package dev.camelgateway.usage;

import dev.camelgateway.api.GatewayException;
import dev.camelgateway.api.HttpMethods;
import dev.camelgateway.api.Json;
import dev.camelgateway.api.JsonResponse;
import dev.camelgateway.api.OpenAiError;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * The ledger's read side: {@code GET /admin/usage/{request_id}} and {@code GET /admin/usage?group_by=&from=&to=}
 * ({@code group_by}: model, provider, key or team).
 */
@Component("usageQueries")
public class UsageQueries {
    private final LedgerRepository ledger;

    public UsageQueries(LedgerRepository ledger) {
        this.ledger = ledger;
    }

    /** Every attempt row of one request, oldest first; 404 when the ledger has none. */
    public void attemptsOf(Exchange exchange) {
        HttpMethods.require("GET", exchange.getMessage().getHeader(Exchange.HTTP_METHOD, String.class));
        String requestId = exchange.getMessage().getHeader("requestId", String.class);
        List<Map<String, Object>> rows = ledger.attemptsOf(requestId);
        if (rows.isEmpty()) {
            throw new GatewayException(404, new OpenAiError("No usage recorded for request '" + requestId
                    + "' (rows are written asynchronously, a moment after the answer).", "invalid_request_error", "request_id",
                    "not_found"));
        }
        answer(exchange, Map.of("request_id", requestId, "attempts", rows));
    }

    public void totals(Exchange exchange) {
        HttpMethods.require("GET", exchange.getMessage().getHeader(Exchange.HTTP_METHOD, String.class));
        String groupBy = exchange.getMessage().getHeader("group_by", "model", String.class);
        if (!LedgerRepository.groupable(groupBy)) {
            throw GatewayException.badRequest("Invalid 'group_by': use 'model', 'provider', 'key' or 'team'.", "group_by",
                    "invalid_value");
        }
        Instant from = instant(exchange.getMessage().getHeader("from", String.class), "from");
        Instant to = instant(exchange.getMessage().getHeader("to", String.class), "to");
        answer(exchange, Map.of("group_by", groupBy, "totals", ledger.totals(groupBy, from, to)));
    }

    /** An optional ISO-8601 instant of the query string, or 400 naming it. */
    public static Instant instant(String value, String param) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw GatewayException.badRequest("Invalid '" + param + "': use an ISO-8601 instant such as 2026-11-26T00:00:00Z.",
                    param, "invalid_value");
        }
    }

    private static void answer(Exchange exchange, Object body) {
        JsonResponse.set(exchange.getMessage(), 200, Map.of(), Json.write(Json.MAPPER.valueToTree(body)));
    }
}
