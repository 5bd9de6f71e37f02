package dev.camelgateway.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Set;

import static dev.camelgateway.api.JsonChecks.array;
import static dev.camelgateway.api.JsonChecks.get;
import static dev.camelgateway.api.JsonChecks.invalidType;
import static dev.camelgateway.api.JsonChecks.object;
import static dev.camelgateway.api.JsonChecks.string;

/**
 * {@code messages}: every field of a message that a mapper reads — role, content and its parts ({@code text},
 * {@code image_url}, {@code input_audio}, {@code file}, Anthropic's {@code cache_control}), {@code name},
 * {@code tool_calls}, {@code tool_call_id} and the gateway's own {@code thinking_blocks} — has the type OpenAI documents, so that no mapper meets a string where
 * it casts to an array (Mistral's {@code tool_calls}) or reads a number as text.
 */
final class MessagesValidator {
    private static final Set<String> ROLES = Set.of("system", "developer", "user", "assistant", "tool", "function");

    private MessagesValidator() {
    }

    static void validate(JsonNode messages) {
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
            message(messages.get(i), "messages[" + i + "]");
        }
    }

    private static void message(JsonNode message, String param) {
        if (!message.isObject()) {
            throw invalidType(param, "an object", message);
        }
        role(get(message, "role"), param + ".role");
        JsonNode content = get(message, "content");
        if (content != null && !content.isTextual()) {
            if (!content.isArray()) {
                throw invalidType(param + ".content", "a string or an array", content);
            }
            for (int j = 0; j < content.size(); j++) {
                part(content.get(j), param + ".content[" + j + "]");
            }
        }
        string(message, "name", param);
        string(message, "tool_call_id", param);
        toolCalls(array(message, "tool_calls", param), param);
        thinkingBlocks(array(message, "thinking_blocks", param), param);
    }

    /** An assistant message's {@code thinking_blocks}, as the gateway returned them from Anthropic, sent back. */
    private static void thinkingBlocks(ArrayNode blocks, String messageParam) {
        for (int k = 0; blocks != null && k < blocks.size(); k++) {
            JsonNode block = blocks.get(k);
            String blockParam = messageParam + ".thinking_blocks[" + k + "]";
            if (!block.isObject()) {
                throw invalidType(blockParam, "an object", block);
            }
            string(block, "type", blockParam);
            string(block, "thinking", blockParam);
            string(block, "signature", blockParam);
            string(block, "data", blockParam);
        }
    }

    private static void role(JsonNode role, String param) {
        if (role == null) {
            throw GatewayException.badRequest("Missing required parameter: '" + param + "'.", param, "missing_required_parameter");
        }
        if (!role.isTextual()) {
            throw invalidType(param, "a string", role);
        }
        if (!ROLES.contains(role.asText())) {
            throw GatewayException.badRequest("Invalid value: '" + Bounded.of(role.asText()) + "'. Supported values are: "
                    + "'system', 'developer', 'user', 'assistant', 'tool' and 'function'.", param, "invalid_value");
        }
    }

    private static void part(JsonNode part, String param) {
        if (!part.isObject()) {
            throw invalidType(param, "an object", part);
        }
        string(part, "type", param);
        string(part, "text", param);
        ObjectNode image = object(part, "image_url", param);
        if (image != null) {
            string(image, "url", param + ".image_url");
            string(image, "detail", param + ".image_url");
        }
        ObjectNode audio = object(part, "input_audio", param);
        if (audio != null) {
            string(audio, "data", param + ".input_audio");
            string(audio, "format", param + ".input_audio");
        }
        ObjectNode file = object(part, "file", param);
        if (file != null) {
            string(file, "file_data", param + ".file");
            string(file, "file_id", param + ".file");
            string(file, "filename", param + ".file");
        }
        object(part, "cache_control", param);
    }

    private static void toolCalls(ArrayNode calls, String messageParam) {
        for (int k = 0; calls != null && k < calls.size(); k++) {
            JsonNode call = calls.get(k);
            String callParam = messageParam + ".tool_calls[" + k + "]";
            if (!call.isObject()) {
                throw invalidType(callParam, "an object", call);
            }
            string(call, "id", callParam);
            string(call, "type", callParam);
            ObjectNode function = object(call, "function", callParam);
            if (function != null) {
                string(function, "name", callParam + ".function");
                string(function, "arguments", callParam + ".function");
            }
        }
    }
}
