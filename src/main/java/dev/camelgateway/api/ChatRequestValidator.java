package dev.camelgateway.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Set;

/**
 * Checks the fields every provider relies on, with OpenAI's wording and codes, so a client gets a 400 that
 * names the field instead of an upstream surprise. Fields it does not know are left to the provider mappers.
 */
public final class ChatRequestValidator {
    private static final Set<String> ROLES = Set.of("system", "developer", "user", "assistant", "tool", "function");

    private ChatRequestValidator() {
    }

    public static ChatRequest validate(JsonNode root) {
        if (!(root instanceof ObjectNode body)) {
            throw GatewayException.badRequest("The request body must be a JSON object.", null, "invalid_type");
        }
        requireNonEmptyString(body, "model", "you must provide a model parameter");
        validateMessages(body.get("messages"));
        optional(body, "stream", JsonNodeType.BOOLEAN);
        optional(body, "stream_options", JsonNodeType.OBJECT);
        if (body.has("stream_options") && !body.get("stream_options").isNull()) {
            optional((ObjectNode) body.get("stream_options"), "include_usage", JsonNodeType.BOOLEAN, "stream_options.include_usage");
            if (!body.path("stream").asBoolean(false)) {
                throw GatewayException.badRequest("The 'stream_options' parameter is only allowed when 'stream' is enabled.",
                        "stream_options", "invalid_value");
            }
        }
        positiveInteger(body, "max_tokens");
        positiveInteger(body, "max_completion_tokens");
        positiveInteger(body, "n");
        numberInRange(body, "temperature", 0, 2);
        numberInRange(body, "top_p", 0, 1);
        numberInRange(body, "presence_penalty", -2, 2);
        numberInRange(body, "frequency_penalty", -2, 2);
        validateStop(body.get("stop"));
        optional(body, "tools", JsonNodeType.ARRAY);
        optional(body, "response_format", JsonNodeType.OBJECT);
        JsonNode toolChoice = body.get("tool_choice");
        if (toolChoice != null && !toolChoice.isNull() && !toolChoice.isTextual() && !toolChoice.isObject()) {
            throw invalidType("tool_choice", "a string or an object", toolChoice);
        }
        return ChatRequest.of(body);
    }

    private static void validateMessages(JsonNode messages) {
        if (messages == null || messages.isNull()) {
            throw GatewayException.badRequest("Missing required parameter: 'messages'.", "messages", "missing_required_parameter");
        }
        if (!messages.isArray()) {
            throw invalidType("messages", "an array", messages);
        }
        if (messages.isEmpty()) {
            throw GatewayException.badRequest("Invalid 'messages': empty array. Expected an array with minimum length 1.",
                    "messages", "empty_array");
        }
        for (int i = 0; i < messages.size(); i++) {
            JsonNode message = messages.get(i);
            String param = "messages[" + i + "]";
            if (!message.isObject()) {
                throw invalidType(param, "an object", message);
            }
            JsonNode role = message.get("role");
            if (role == null || !role.isTextual()) {
                throw GatewayException.badRequest("Missing required parameter: '" + param + ".role'.", param + ".role",
                        "missing_required_parameter");
            }
            if (!ROLES.contains(role.asText())) {
                throw GatewayException.badRequest("Invalid value: '" + role.asText() + "'. Supported values are: "
                        + "'system', 'developer', 'user', 'assistant', 'tool' and 'function'.", param + ".role", "invalid_value");
            }
            JsonNode content = message.get("content");
            if (content != null && !content.isNull() && !content.isTextual() && !content.isArray()) {
                throw invalidType(param + ".content", "a string or an array", content);
            }
        }
    }

    private static void validateStop(JsonNode stop) {
        if (stop == null || stop.isNull() || stop.isTextual()) {
            return;
        }
        if (!stop.isArray()) {
            throw invalidType("stop", "a string or an array of strings", stop);
        }
        for (JsonNode s : stop) {
            if (!s.isTextual()) {
                throw invalidType("stop", "a string or an array of strings", stop);
            }
        }
    }

    private static void requireNonEmptyString(ObjectNode body, String field, String missingMessage) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            throw GatewayException.badRequest(missingMessage, field, "missing_required_parameter");
        }
        if (!value.isTextual()) {
            throw invalidType(field, "a string", value);
        }
        if (value.asText().isBlank()) {
            throw GatewayException.badRequest("Invalid '" + field + "': empty string.", field, "invalid_value");
        }
    }

    private static void optional(ObjectNode body, String field, JsonNodeType type) {
        optional(body, field, type, field);
    }

    private static void optional(ObjectNode body, String field, JsonNodeType type, String param) {
        JsonNode value = body.get(field);
        if (value != null && !value.isNull() && value.getNodeType() != type) {
            throw invalidType(param, article(type), value);
        }
    }

    private static void positiveInteger(ObjectNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return;
        }
        if (!value.isIntegralNumber()) {
            throw invalidType(field, "an integer", value);
        }
        if (value.asLong() < 1) {
            throw GatewayException.badRequest("Invalid '" + field + "': integer below minimum value. Expected a value >= 1, "
                    + "but got " + value.asText() + " instead.", field, "integer_below_min_value");
        }
    }

    private static void numberInRange(ObjectNode body, String field, double min, double max) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return;
        }
        if (!value.isNumber()) {
            throw invalidType(field, "a number", value);
        }
        double v = value.asDouble();
        if (v < min || v > max) {
            throw GatewayException.badRequest("Invalid '" + field + "': expected a value between " + format(min) + " and "
                    + format(max) + ", but got " + value.asText() + " instead.", field, "invalid_value");
        }
    }

    private static GatewayException invalidType(String param, String expected, JsonNode got) {
        return GatewayException.badRequest("Invalid type for '" + param + "': expected " + expected + ", but got "
                + describe(got) + " instead.", param, "invalid_type");
    }

    private static String article(JsonNodeType type) {
        return switch (type) {
            case BOOLEAN -> "a boolean";
            case OBJECT -> "an object";
            case ARRAY -> "an array";
            case STRING -> "a string";
            case NUMBER -> "a number";
            default -> type.name().toLowerCase();
        };
    }

    private static String describe(JsonNode node) {
        return switch (node.getNodeType()) {
            case STRING -> "a string";
            case NUMBER -> node.isIntegralNumber() ? "an integer" : "a decimal";
            case BOOLEAN -> "a boolean";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case NULL -> "null";
            default -> node.getNodeType().name().toLowerCase();
        };
    }

    private static String format(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
