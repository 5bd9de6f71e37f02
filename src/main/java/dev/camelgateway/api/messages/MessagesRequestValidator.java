package dev.camelgateway.api.messages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelgateway.api.GatewayException;
import dev.camelgateway.api.JsonChecks;

import java.util.Set;

import static dev.camelgateway.api.JsonChecks.INT32_MAX;
import static dev.camelgateway.api.JsonChecks.array;
import static dev.camelgateway.api.JsonChecks.bool;
import static dev.camelgateway.api.JsonChecks.get;
import static dev.camelgateway.api.JsonChecks.integer;
import static dev.camelgateway.api.JsonChecks.invalidType;
import static dev.camelgateway.api.JsonChecks.number;
import static dev.camelgateway.api.JsonChecks.object;
import static dev.camelgateway.api.JsonChecks.param;
import static dev.camelgateway.api.JsonChecks.string;
import static dev.camelgateway.api.JsonChecks.strings;

/**
 * The Anthropic Messages request (https://docs.anthropic.com/en/api/messages): every field the gateway reads — for the
 * ledger, a key's limits, the translation for other deployments — has the type and range Anthropic documents, so that
 * a wrong one is a 400 naming it (its whole path, {@code messages[1].content[0].source.data}) before any upstream call.
 * Fields and block types it does not know are left alone: an Anthropic deployment takes them as they are, the
 * translation refuses them by name.
 */
public final class MessagesRequestValidator {
    private static final Set<String> ROLES = Set.of("user", "assistant");
    private static final Set<String> TOOL_CHOICES = Set.of("auto", "any", "tool", "none");

    private MessagesRequestValidator() {
    }

    /** {@code POST /v1/messages}: model, max_tokens and messages are required. */
    public static ObjectNode validate(JsonNode root) {
        ObjectNode body = common(root);
        JsonNode maxTokens = get(body, "max_tokens");
        if (maxTokens == null) {
            throw missing("max_tokens");
        }
        integer(body, "max_tokens", null, 1, INT32_MAX);
        bool(body, "stream", null);
        strings(body, "stop_sequences", null);
        number(body, "temperature", null, 0, 1);
        number(body, "top_p", null, 0, 1);
        integer(body, "top_k", null, 0, INT32_MAX);
        ObjectNode metadata = object(body, "metadata", null);
        if (metadata != null) {
            string(metadata, "user_id", "metadata");
        }
        string(body, "service_tier", null);
        return body;
    }

    /** {@code POST /v1/messages/count_tokens}: the prompt only (no max_tokens, no stream). */
    public static ObjectNode validateCountTokens(JsonNode root) {
        return common(root);
    }

    private static ObjectNode common(JsonNode root) {
        ObjectNode body = JsonChecks.requestBody(root);
        model(get(body, "model"));
        messages(body);
        system(get(body, "system"));
        tools(array(body, "tools", null));
        toolChoice(object(body, "tool_choice", null));
        ObjectNode thinking = object(body, "thinking", null);
        if (thinking != null) {
            requireString(thinking, "type", "thinking");
            integer(thinking, "budget_tokens", "thinking", 0, INT32_MAX);
        }
        return body;
    }

    private static void model(JsonNode model) {
        JsonChecks.model(model, () -> missing("model"));
    }

    private static void messages(ObjectNode body) {
        JsonNode messages = get(body, "messages");
        if (messages == null) {
            throw missing("messages");
        }
        if (!messages.isArray()) {
            throw invalidType("messages", "an array", messages);
        }
        if (messages.isEmpty()) {
            throw GatewayException.badRequest("Invalid 'messages': empty array. Expected at least one message.", "messages",
                    "empty_array");
        }
        for (int i = 0; i < messages.size(); i++) {
            String prefix = "messages[" + i + "]";
            JsonNode message = messages.get(i);
            if (!message.isObject()) {
                throw invalidType(prefix, "an object", message);
            }
            JsonNode role = requireString(message, "role", prefix);
            if (!ROLES.contains(role.asText())) {
                throw GatewayException.badRequest("Invalid '" + prefix + ".role': expected 'user' or 'assistant'.",
                        prefix + ".role", "invalid_value");
            }
            JsonNode content = get(message, "content");
            if (content == null) {
                throw missing(prefix + ".content");
            }
            content(content, prefix + ".content");
        }
    }

    /** A string, or an array of content blocks. */
    private static void content(JsonNode content, String param) {
        if (content.isTextual()) {
            return;
        }
        if (!content.isArray()) {
            throw invalidType(param, "a string or an array of content blocks", content);
        }
        for (int i = 0; i < content.size(); i++) {
            ContentBlocks.validate(content.get(i), param + "[" + i + "]");
        }
    }

    /** A string, or an array of text blocks. */
    private static void system(JsonNode system) {
        if (system == null || system.isTextual()) {
            return;
        }
        if (!system.isArray()) {
            throw invalidType("system", "a string or an array of text blocks", system);
        }
        for (int i = 0; i < system.size(); i++) {
            String prefix = "system[" + i + "]";
            JsonNode block = system.get(i);
            if (!block.isObject()) {
                throw invalidType(prefix, "an object", block);
            }
            if (!"text".equals(requireString(block, "type", prefix).asText())) {
                throw GatewayException.badRequest("Invalid '" + prefix + ".type': system blocks are 'text' blocks.",
                        prefix + ".type", "invalid_value");
            }
            requireString(block, "text", prefix);
            object(block, "cache_control", prefix);
        }
    }

    /** Custom tools need a name and an input_schema; server tools (a type other than custom) their name. */
    private static void tools(ArrayNode tools) {
        for (int i = 0; tools != null && i < tools.size(); i++) {
            String prefix = "tools[" + i + "]";
            JsonNode tool = tools.get(i);
            if (!tool.isObject()) {
                throw invalidType(prefix, "an object", tool);
            }
            string(tool, "type", prefix);
            requireString(tool, "name", prefix);
            string(tool, "description", prefix);
            if (ContentBlocks.isCustomTool(tool)) {
                if (object(tool, "input_schema", prefix) == null) {
                    throw missing(prefix + ".input_schema");
                }
            }
            object(tool, "cache_control", prefix);
        }
    }

    private static void toolChoice(ObjectNode choice) {
        if (choice == null) {
            return;
        }
        String type = requireString(choice, "type", "tool_choice").asText();
        if (!TOOL_CHOICES.contains(type)) {
            throw GatewayException.badRequest("Invalid 'tool_choice.type': expected 'auto', 'any', 'tool' or 'none'.",
                    "tool_choice.type", "invalid_value");
        }
        if ("tool".equals(type)) {
            requireString(choice, "name", "tool_choice");
        }
        bool(choice, "disable_parallel_tool_use", "tool_choice");
    }

    /** A required string member: present and a string. */
    static JsonNode requireString(JsonNode parent, String field, String prefix) {
        JsonNode value = get(parent, field);
        if (value == null) {
            throw missing(param(prefix, field));
        }
        if (!value.isTextual()) {
            throw invalidType(param(prefix, field), "a string", value);
        }
        return value;
    }

    static GatewayException missing(String param) {
        return GatewayException.badRequest("Missing required parameter: '" + param + "'.", param, "missing_required_parameter");
    }
}
