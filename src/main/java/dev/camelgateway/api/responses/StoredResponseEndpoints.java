package dev.camelgateway.api.responses;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelgateway.api.HttpMethods;
import dev.camelgateway.api.Json;
import dev.camelgateway.api.JsonResponse;
import dev.camelgateway.api.RequestContext;
import dev.camelgateway.api.ResponseHeaders;
import org.apache.camel.Exchange;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.function.Supplier;

/**
 * {@code GET/DELETE /v1/responses/{id}} and {@code GET /v1/responses/{id}/input_items} (routes/responses.camel.yaml),
 * each after the caller's key was authenticated: a key sees only the responses it made (any other id is a 404, as an
 * unknown one is).
 */
@Component("storedResponseEndpoints")
public class StoredResponseEndpoints {
    private final StoredResponses store;
    private final Clock clock;

    public StoredResponseEndpoints(StoredResponses store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** The stored Response object, as the client got it. */
    public void retrieve(Exchange exchange) {
        StoredResponse response = found(exchange);
        answer(exchange, response.response());
    }

    public void delete(Exchange exchange) {
        String id = id(exchange);
        if (!database(() -> store.delete(id, keyId(exchange)))) {
            throw StoredResponseErrors.notFound(id);
        }
        answer(exchange, Json.object().put("id", id).put("object", "response").put("deleted", true));
    }

    /** The response's own input items, a page at a time ({@code limit}, {@code order}, {@code after}). */
    public void inputItems(Exchange exchange) {
        // the query string's parameters only: Camel's headers also hold the request's HTTP headers
        HttpServletRequest query = exchange.getMessage().getHeader(Exchange.HTTP_SERVLET_REQUEST, HttpServletRequest.class);
        InputItemsPage page = InputItemsPage.of(query.getParameter("limit"), query.getParameter("order"),
                query.getParameter("after"));
        StoredResponse response = found(exchange);
        ArrayNode data = page.select(response.inputItems());
        ObjectNode list = Json.object().put("object", "list");
        list.set("data", data);
        list.put("first_id", data.isEmpty() ? null : data.get(0).path("id").asText());
        list.put("last_id", data.isEmpty() ? null : data.get(data.size() - 1).path("id").asText());
        list.put("has_more", page.hasMore(response.inputItems()));
        answer(exchange, list);
    }

    /** The otherwise of a route's choice by method: 405 with {@code Allow}. */
    public void refuse(Exchange exchange, String allowed) {
        throw HttpMethods.notAllowed(exchange.getMessage().getHeader(Exchange.HTTP_METHOD, String.class), allowed);
    }

    private StoredResponse found(Exchange exchange) {
        String id = id(exchange);
        return database(() -> store.find(id, keyId(exchange), clock.instant()))
                .orElseThrow(() -> StoredResponseErrors.notFound(id));
    }

    /** The path's id; one no response can have is unknown without a query. */
    private static String id(Exchange exchange) {
        String id = exchange.getMessage().getHeader("id", String.class);
        if (!ResponseIds.wellFormed(id)) {
            throw StoredResponseErrors.notFound(id == null ? "" : id);
        }
        return id;
    }

    private static String keyId(Exchange exchange) {
        return ResponsesReader.keyId(RequestContext.of(exchange).key());
    }

    private static <T> T database(Supplier<T> query) {
        try {
            return query.get();
        } catch (DataAccessException e) {
            throw StoredResponseErrors.unavailable();
        }
    }

    private static void answer(Exchange exchange, ObjectNode body) {
        JsonResponse.set(exchange.getMessage(), 200, ResponseHeaders.of(RequestContext.of(exchange)), Json.bytes(body));
    }
}
