package dev.camelgateway.api.responses;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelgateway.api.Json;

import java.util.UUID;

/** Responses input items: their type, the client's {@code input} as items, and item ids as OpenAI prefixes them. */
public final class ResponsesItems {
    private ResponsesItems() {
    }

    /** An item's type: its {@code type}, or {@code message} for the short form ({@code role} + {@code content}). */
    public static String typeOf(JsonNode item) {
        JsonNode type = item.get("type");
        if (type != null && type.isTextual()) {
            return type.asText();
        }
        return item.hasNonNull("role") ? "message" : null;
    }

    /** The client's {@code input} as a list of items: a string is one user message. A copy: the body stays as sent. */
    public static ArrayNode of(JsonNode input) {
        ArrayNode items = Json.MAPPER.createArrayNode();
        if (input == null || input.isNull()) {
            return items;
        }
        if (input.isTextual()) {
            ObjectNode message = items.addObject();
            message.put("type", "message");
            message.put("role", "user");
            message.putArray("content").addObject().put("type", "input_text").put("text", input.asText());
            return items;
        }
        input.forEach(item -> items.add(item.deepCopy()));
        return items;
    }

    /** The items as the gateway keeps them: each with a {@code type} and an {@code id} (input_items lists them by id). */
    public static ArrayNode withIds(ArrayNode items) {
        ArrayNode kept = Json.MAPPER.createArrayNode();
        for (JsonNode item : items) {
            ObjectNode copy = (ObjectNode) item.deepCopy();
            String type = typeOf(copy);
            if (!copy.has("type") && type != null) {
                copy.put("type", type);
            }
            if (!copy.hasNonNull("id")) {
                copy.put("id", newId(prefix(type)));
            }
            kept.add(copy);
        }
        return kept;
    }

    /** {@code resp}, {@code msg}, {@code fc}… followed by 32 random hex digits. */
    public static String newId(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().replace("-", "");
    }

    private static String prefix(String type) {
        if (type == null) {
            return "item";
        }
        return switch (type) {
            case "message" -> "msg";
            case "function_call" -> "fc";
            case "function_call_output" -> "fco";
            case "reasoning" -> "rs";
            default -> "item";
        };
    }
}
