package dev.camelgateway.api.responses;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.camelgateway.api.Bounded;
import dev.camelgateway.api.GatewayException;
import dev.camelgateway.api.Json;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A page of a response's input items, as OpenAI's list endpoints page: {@code limit} 1–100 (20), {@code order}
 * {@code asc} or {@code desc} (the default: newest first), {@code after} an item id of the previous page.
 */
record InputItemsPage(int limit, boolean ascending, String after) {
    private static final int DEFAULT_LIMIT = 20;
    private static final int MAX_LIMIT = 100;

    static InputItemsPage of(String limit, String order, String after) {
        return new InputItemsPage(limit(limit), ascending(order), after(after));
    }

    ArrayNode select(ArrayNode items) {
        List<JsonNode> rest = rest(items);
        ArrayNode page = Json.MAPPER.createArrayNode();
        rest.stream().limit(limit).forEach(item -> page.add(item.deepCopy()));
        return page;
    }

    boolean hasMore(ArrayNode items) {
        return rest(items).size() > limit;
    }

    /** The items in this order, after {@code after}. */
    private List<JsonNode> rest(ArrayNode items) {
        List<JsonNode> ordered = new ArrayList<>();
        items.forEach(ordered::add);
        if (!ascending) {
            Collections.reverse(ordered);
        }
        if (after == null) {
            return ordered;
        }
        for (int i = 0; i < ordered.size(); i++) {
            if (after.equals(ordered.get(i).path("id").asText())) {
                return ordered.subList(i + 1, ordered.size());
            }
        }
        throw GatewayException.badRequest("Invalid 'after': no input item with id '" + Bounded.of(after) + "' in this "
                + "response.", "after", "invalid_value");
    }

    private static String after(String after) {
        if (after == null || after.isEmpty()) {
            return null;
        }
        if (!ResponseIds.wellFormed(after)) {
            throw GatewayException.badRequest("Invalid 'after': '" + Bounded.of(after) + "'. Expected an item ID that "
                    + "contains letters, numbers, underscores, or dashes.", "after", "invalid_value");
        }
        return after;
    }

    private static int limit(String limit) {
        if (limit == null || limit.isEmpty()) {
            return DEFAULT_LIMIT;
        }
        try {
            int value = Integer.parseInt(limit);
            if (value >= 1 && value <= MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw GatewayException.badRequest("Invalid 'limit': expected an integer between 1 and " + MAX_LIMIT + ", but got '"
                + Bounded.of(limit) + "' instead.", "limit", "invalid_value");
    }

    private static boolean ascending(String order) {
        if (order == null || order.isEmpty() || order.equals("desc")) {
            return false;
        }
        if (order.equals("asc")) {
            return true;
        }
        throw GatewayException.badRequest("Invalid 'order': expected 'asc' or 'desc', but got '" + Bounded.of(order)
                + "' instead.", "order", "invalid_value");
    }
}
