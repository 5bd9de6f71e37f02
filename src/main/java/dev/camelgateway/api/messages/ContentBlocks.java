package dev.camelgateway.api.messages;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelgateway.api.GatewayException;

import static dev.camelgateway.api.JsonChecks.bool;
import static dev.camelgateway.api.JsonChecks.get;
import static dev.camelgateway.api.JsonChecks.invalidType;
import static dev.camelgateway.api.JsonChecks.object;
import static dev.camelgateway.api.JsonChecks.string;
import static dev.camelgateway.api.messages.MessagesRequestValidator.missing;
import static dev.camelgateway.api.messages.MessagesRequestValidator.requireString;

/**
 * The content blocks of a message, checked as the Messages API documents them: text, image and document (with their
 * sources), tool_use, tool_result, thinking and redacted_thinking. Other block types (server tools' results, search
 * results) pass unchecked: an Anthropic deployment knows them, the translation refuses them by name.
 */
final class ContentBlocks {
    private ContentBlocks() {
    }

    static void validate(JsonNode block, String param) {
        if (!block.isObject()) {
            throw invalidType(param, "an object", block);
        }
        String type = requireString(block, "type", param).asText();
        object(block, "cache_control", param);
        switch (type) {
            case "text" -> requireString(block, "text", param);
            case "image", "document" -> source(block, param);
            case "tool_use" -> {
                requireString(block, "id", param);
                requireString(block, "name", param);
                if (object(block, "input", param) == null) {
                    throw missing(param + ".input");
                }
            }
            case "tool_result" -> toolResult(block, param);
            case "thinking" -> {
                requireString(block, "thinking", param);
                string(block, "signature", param);
            }
            case "redacted_thinking" -> requireString(block, "data", param);
            default -> {
                // passed on as it is to Anthropic deployments; the translation names it when it cannot carry it
            }
        }
    }

    /** A tool whose input the client's own code handles (no {@code type}, or {@code custom}), not one Anthropic runs. */
    static boolean isCustomTool(JsonNode tool) {
        JsonNode type = get(tool, "type");
        return type == null || "custom".equals(type.asText());
    }

    private static void source(JsonNode block, String param) {
        JsonNode source = object(block, "source", param);
        if (source == null) {
            throw missing(param + ".source");
        }
        String prefix = param + ".source";
        switch (requireString(source, "type", prefix).asText()) {
            case "base64" -> {
                requireString(source, "media_type", prefix);
                requireString(source, "data", prefix);
            }
            case "url" -> requireString(source, "url", prefix);
            case "file" -> requireString(source, "file_id", prefix);
            case "text" -> {
                requireString(source, "data", prefix);
                string(source, "media_type", prefix);
            }
            case "content" -> {
                JsonNode content = get(source, "content");
                if (content == null) {
                    throw missing(prefix + ".content");
                }
                blocksOrString(content, prefix + ".content");
            }
            default -> throw GatewayException.badRequest("Invalid '" + prefix + ".type': expected 'base64', 'url', "
                    + "'file', 'text' or 'content'.", prefix + ".type", "invalid_value");
        }
        string(block, "title", param);
    }

    private static void toolResult(JsonNode block, String param) {
        requireString(block, "tool_use_id", param);
        bool(block, "is_error", param);
        JsonNode content = get(block, "content");
        if (content != null) {
            blocksOrString(content, param + ".content");
        }
    }

    private static void blocksOrString(JsonNode content, String param) {
        if (content.isTextual()) {
            return;
        }
        if (!content.isArray()) {
            throw invalidType(param, "a string or an array of content blocks", content);
        }
        for (int i = 0; i < content.size(); i++) {
            validate(content.get(i), param + "[" + i + "]");
        }
    }
}
