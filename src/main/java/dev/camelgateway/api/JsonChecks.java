package dev.camelgateway.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.function.Supplier;

/**
 * The type and range checks of request validation, with OpenAI's wording ("Invalid type for 'x': expected …, but got
 * … instead."). {@code param} is the field's whole path, e.g. {@code messages[1].tool_calls[0].function.name}. A JSON
 * {@code null} counts as absent, as at OpenAI; every mapper skips null fields.
 */
public final class JsonChecks {
    public static final long INT32_MAX = Integer.MAX_VALUE;

    private JsonChecks() {
    }

    /** The member, or null when it is absent or JSON null. */
    public static JsonNode get(JsonNode parent, String field) {
        JsonNode value = parent.get(field);
        return value == null || value.isNull() ? null : value;
    }

    public static ObjectNode object(JsonNode parent, String field, String prefix) {
        JsonNode value = get(parent, field);
        if (value != null && !value.isObject()) {
            throw invalidType(param(prefix, field), "an object", value);
        }
        return (ObjectNode) value;
    }

    public static ArrayNode array(JsonNode parent, String field, String prefix) {
        JsonNode value = get(parent, field);
        if (value != null && !value.isArray()) {
            throw invalidType(param(prefix, field), "an array", value);
        }
        return (ArrayNode) value;
    }

    public static void string(JsonNode parent, String field, String prefix) {
        JsonNode value = get(parent, field);
        if (value != null && !value.isTextual()) {
            throw invalidType(param(prefix, field), "a string", value);
        }
    }

    public static void bool(JsonNode parent, String field, String prefix) {
        JsonNode value = get(parent, field);
        if (value != null && !value.isBoolean()) {
            throw invalidType(param(prefix, field), "a boolean", value);
        }
    }

    /** An array whose every element is a string. */
    public static void strings(JsonNode parent, String field, String prefix) {
        ArrayNode values = array(parent, field, prefix);
        for (int i = 0; values != null && i < values.size(); i++) {
            if (!values.get(i).isTextual()) {
                throw invalidType(param(prefix, field) + "[" + i + "]", "a string", values.get(i));
            }
        }
    }

    /**
     * An integer in {@code [min, max]}; the bounds are the field's real range (OpenAI's integers are 32-bit except
     * {@code seed}), so a huge number is refused instead of wrapping when a mapper reads it as an int or a long.
     */
    public static void integer(JsonNode parent, String field, String prefix, long min, long max) {
        JsonNode value = get(parent, field);
        if (value == null) {
            return;
        }
        if (!value.isIntegralNumber()) {
            throw invalidType(param(prefix, field), "an integer", value);
        }
        boolean fitsLong = value.canConvertToLong();
        if (fitsLong ? value.asLong() < min : value.bigIntegerValue().signum() < 0) {
            throw outOfRange(prefix, field, "integer below minimum value. Expected a value >= " + min, value,
                    "integer_below_min_value");
        }
        if (!fitsLong || value.asLong() > max) {
            throw outOfRange(prefix, field, "integer above maximum value. Expected a value <= " + max, value, "invalid_value");
        }
    }

    public static void number(JsonNode parent, String field, String prefix, double min, double max) {
        JsonNode value = get(parent, field);
        if (value == null) {
            return;
        }
        if (!value.isNumber()) {
            throw invalidType(param(prefix, field), "a number", value);
        }
        double v = value.asDouble();
        if (!(v >= min && v <= max)) {
            throw outOfRange(prefix, field, "expected a value between " + format(min) + " and " + format(max), value,
                    "invalid_value");
        }
    }

    /**
     * The parameter's name in an error ({@code messages[2].content[0].text}): its parent's name ({@code prefix}, null
     * at the top level) and the field, made only when a check fails. A client's own key is quoted bounded.
     */
    public static String param(String prefix, String field) {
        return prefix == null ? field : prefix + "." + Bounded.of(field);
    }

    private static GatewayException outOfRange(String prefix, String field, String problem, JsonNode got, String code) {
        String param = param(prefix, field);
        return GatewayException.badRequest("Invalid '" + param + "': " + problem + ", but got " + got.asText() + " instead.",
                param, code);
    }

    /** The request body, which every API takes as one JSON object. */
    public static ObjectNode requestBody(JsonNode root) {
        if (!(root instanceof ObjectNode body)) {
            throw GatewayException.badRequest("The request body must be a JSON object.", null, "invalid_type");
        }
        return body;
    }

    /** The longest model name: the ledger's model columns. */
    public static final int MAX_MODEL = 256;

    /**
     * The request's model: a string of 1 to {@value #MAX_MODEL} characters; {@code whenMissing} when there is none (each
     * API words that as its provider does).
     */
    public static void model(JsonNode model, Supplier<GatewayException> whenMissing) {
        if (model == null) {
            throw whenMissing.get();
        }
        if (!model.isTextual()) {
            throw invalidType("model", "a string", model);
        }
        if (model.asText().isBlank()) {
            throw GatewayException.badRequest("Invalid 'model': empty string.", "model", "invalid_value");
        }
        if (model.asText().length() > MAX_MODEL) {
            throw GatewayException.badRequest("Invalid 'model': string too long. Expected a string with maximum length "
                    + MAX_MODEL + ", but got a string with length " + model.asText().length() + " instead.", "model",
                    "invalid_value");
        }
    }

    public static GatewayException invalidType(String param, String expected, JsonNode got) {
        return GatewayException.badRequest("Invalid type for '" + param + "': expected " + expected + ", but got "
                + describe(got) + " instead.", param, "invalid_type");
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
