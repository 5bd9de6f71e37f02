package dev.camelgateway.keys;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import dev.camelgateway.api.Bounded;
import dev.camelgateway.api.GatewayException;

import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * The JSON bodies of /admin, read strictly into records: an object, no unknown or repeated field, no coercion ("5" is
 * not a number, 1.5 not an integer, 5 not a string); each refusal a 400 that names the field by its path
 * ({@code limits.rpm}, {@code models[2]}). A PATCH body is a JSON merge patch (RFC 7396) over the current fields.
 */
final class AdminBodies {
    private static final ObjectMapper STRICT = strict();

    private AdminBodies() {
    }

    /** The body as a JSON object, or 400. */
    static ObjectNode object(byte[] body) {
        JsonNode node;
        try {
            node = STRICT.readTree(body);
        } catch (IOException e) {
            throw GatewayException.badRequest("The body is not valid JSON: send a JSON object.", null, "invalid_json");
        }
        if (!(node instanceof ObjectNode object)) {
            throw GatewayException.badRequest("The body must be a JSON object.", null, "invalid_json");
        }
        return object;
    }

    /** The object as a {@code type}; a field it does not know or of the wrong type is a 400 naming it. */
    static <T> T read(ObjectNode node, Class<T> type) {
        try {
            return STRICT.treeToValue(node, type);
        } catch (UnrecognizedPropertyException e) {
            String param = param(e);
            throw GatewayException.badRequest("Unknown field '" + param + "'.", param, "unknown_parameter");
        } catch (JsonMappingException e) {
            String param = param(e);
            throw GatewayException.badRequest("Invalid value for '" + param + "': expected " + expected(e) + ".", param,
                    "invalid_type");
        } catch (JsonProcessingException e) {
            throw GatewayException.badRequest("The body is not valid JSON: send a JSON object.", null, "invalid_json");
        }
    }

    /** Refuses a top-level field outside {@code fields} (a PATCH's null would otherwise pass unnoticed). */
    static void requireOnly(ObjectNode node, Set<String> fields) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!fields.contains(name)) {
                String param = Bounded.of(name);
                throw GatewayException.badRequest("Unknown field '" + param + "'; this endpoint takes " + String.join(", ",
                        fields.stream().sorted().toList()) + ".", param, "unknown_parameter");
            }
        }
    }

    /** RFC 7396: a member of the patch replaces the target's, null removes it, and objects merge member by member. */
    static ObjectNode merge(ObjectNode target, ObjectNode patch) {
        ObjectNode merged = target.deepCopy();
        for (Iterator<Map.Entry<String, JsonNode>> fields = patch.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            if (value.isNull()) {
                merged.remove(field.getKey());
            } else if (value instanceof ObjectNode object && merged.get(field.getKey()) instanceof ObjectNode current) {
                merged.set(field.getKey(), merge(current, object));
            } else {
                merged.set(field.getKey(), value.isObject() ? merge(STRICT.createObjectNode(), (ObjectNode) value) : value);
            }
        }
        return merged;
    }

    /** The field's path as the client wrote it: {@code limits.rpm}, {@code models[2]}, {@code metadata.owner}. */
    private static String param(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            } else if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(Bounded.of(reference.getFieldName()));
            }
        }
        return path.isEmpty() ? null : path.toString();
    }

    private static String expected(JsonMappingException e) {
        if (!(e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException mismatch)
                || mismatch.getTargetType() == null) {
            return "another type";
        }
        Class<?> type = mismatch.getTargetType();
        if (type == String.class) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "a boolean";
        }
        if (type == Integer.class || type == Long.class || type == int.class || type == long.class) {
            return "an integer in range";
        }
        if (type == java.math.BigDecimal.class) {
            return "a number";
        }
        if (type == java.time.Instant.class) {
            return "an ISO-8601 instant such as 2026-12-31T00:00:00Z";
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "an object";
    }

    private static ObjectMapper strict() {
        ObjectMapper mapper = KeyJson.MAPPER.copy()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Integer)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Float)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        return mapper;
    }
}
