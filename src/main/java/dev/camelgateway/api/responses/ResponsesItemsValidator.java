package dev.camelgateway.api.responses;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.camelgateway.api.Bounded;
import dev.camelgateway.api.GatewayException;

import java.util.Set;

import static dev.camelgateway.api.JsonChecks.get;
import static dev.camelgateway.api.JsonChecks.invalidType;
import static dev.camelgateway.api.JsonChecks.string;
import static dev.camelgateway.api.responses.ResponsesRequestValidator.requiredString;

/**
 * {@code input} as an array of items: messages (role, content as a string or parts), function calls and their outputs,
 * with the fields a translation reads typed as OpenAI documents them. Other item types (reasoning, built-in tool calls)
 * only need a {@code type}: a passthrough deployment takes them as they are.
 */
final class ResponsesItemsValidator {
    private static final Set<String> ROLES = Set.of("user", "assistant", "system", "developer");

    private ResponsesItemsValidator() {
    }

    static void validate(ArrayNode items) {
        for (int i = 0; i < items.size(); i++) {
            item(items.get(i), "input[" + i + "]");
        }
    }

    private static void item(JsonNode item, String param) {
        if (!item.isObject()) {
            throw invalidType(param, "an object", item);
        }
        string(item, "type", param);
        String type = ResponsesItems.typeOf(item);
        if (type == null) {
            throw ResponsesRequestValidator.missing(param + ".type");
        }
        switch (type) {
            case "message" -> message(item, param);
            case "function_call" -> {
                requiredString(item, "call_id", param);
                requiredString(item, "name", param);
                requiredString(item, "arguments", param);
            }
            case "function_call_output" -> {
                requiredString(item, "call_id", param);
                JsonNode output = get(item, "output");
                if (output == null) {
                    throw ResponsesRequestValidator.missing(param + ".output");
                }
                if (!output.isTextual() && !output.isArray()) {
                    throw invalidType(param + ".output", "a string or an array", output);
                }
                parts(output, param + ".output");
            }
            default -> {
                // reasoning, item_reference, built-in tool calls: passed on as they are, or refused by the translation
            }
        }
    }

    private static void message(JsonNode message, String param) {
        JsonNode role = get(message, "role");
        if (role == null) {
            throw ResponsesRequestValidator.missing(param + ".role");
        }
        if (!role.isTextual()) {
            throw invalidType(param + ".role", "a string", role);
        }
        if (!ROLES.contains(role.asText())) {
            throw GatewayException.badRequest("Invalid value for '" + param + ".role': '" + Bounded.of(role.asText())
                    + "'. Supported values are: 'user', 'assistant', 'system' and 'developer'.", param + ".role",
                    "invalid_value");
        }
        JsonNode content = get(message, "content");
        if (content == null) {
            throw ResponsesRequestValidator.missing(param + ".content");
        }
        if (!content.isTextual() && !content.isArray()) {
            throw invalidType(param + ".content", "a string or an array", content);
        }
        parts(content, param + ".content");
    }

    private static void parts(JsonNode content, String param) {
        for (int j = 0; content.isArray() && j < content.size(); j++) {
            JsonNode part = content.get(j);
            String at = param + "[" + j + "]";
            if (!part.isObject()) {
                throw invalidType(at, "an object", part);
            }
            requiredString(part, "type", at);
            for (String field : new String[] {"text", "image_url", "file_id", "file_data", "filename", "file_url",
                    "detail", "refusal"}) {
                string(part, field, at);
            }
        }
    }
}
