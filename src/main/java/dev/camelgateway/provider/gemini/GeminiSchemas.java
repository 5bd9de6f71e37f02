package dev.camelgateway.provider.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelgateway.api.Json;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * JSON Schema → the OpenAPI-style subset Gemini's {@code Schema} accepts
 * (https://ai.google.dev/api/caching#Schema). Keywords outside it ({@code additionalProperties}, {@code $schema},
 * {@code strict}, {@code $ref}, …) are removed; a nullable type list such as {@code ["string","null"]} becomes
 * {@code type: "string", nullable: true}.
 */
final class GeminiSchemas {
    private static final Set<String> KEPT = Set.of("type", "format", "title", "description", "nullable", "enum",
            "maxItems", "minItems", "properties", "required", "minProperties", "maxProperties", "minLength", "maxLength",
            "pattern", "example", "anyOf", "propertyOrdering", "default", "items", "minimum", "maximum");

    private GeminiSchemas() {
    }

    static ObjectNode toGeminiSchema(JsonNode schema) {
        ObjectNode out = Json.object();
        if (schema == null || !schema.isObject()) {
            return out;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String key = field.getKey();
            JsonNode value = field.getValue();
            if (!KEPT.contains(key)) {
                continue;
            }
            switch (key) {
                case "properties" -> {
                    ObjectNode properties = out.putObject("properties");
                    value.fields().forEachRemaining(p -> properties.set(p.getKey(), toGeminiSchema(p.getValue())));
                }
                case "items" -> out.set("items", toGeminiSchema(value));
                case "anyOf" -> {
                    ArrayNode anyOf = out.putArray("anyOf");
                    value.forEach(s -> anyOf.add(toGeminiSchema(s)));
                }
                case "type" -> setType(out, value);
                default -> out.set(key, value);
            }
        }
        return out;
    }

    private static void setType(ObjectNode out, JsonNode type) {
        if (!type.isArray()) {
            out.set("type", type);
            return;
        }
        for (JsonNode t : type) {
            if ("null".equals(t.asText())) {
                out.put("nullable", true);
            } else {
                out.put("type", t.asText());
            }
        }
    }
}
