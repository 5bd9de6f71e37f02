package dev.camelgateway.provider.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelgateway.api.GatewayException;
import dev.camelgateway.api.Json;

import java.util.ArrayList;
import java.util.List;

/**
 * Anthropic's signed thinking blocks across a Chat Completions tool loop. Anthropic requires, when a thinking model
 * continues after its tool call, the assistant turn's thinking and redacted_thinking blocks back exactly as it sent
 * them (the signature proves they are its own). Chat Completions has no field for them, so the gateway hands them out
 * as {@code thinking_blocks} on the assistant message (LiteLLM's name and shape: {@code {type: thinking, thinking,
 * signature}} and {@code {type: redacted_thinking, data}}) and reads them back from an assistant message that carries
 * them, ahead of its text and tool calls. Other providers' mappers ignore the field.
 */
final class AnthropicThinkingBlocks {
    static final String FIELD = "thinking_blocks";

    private AnthropicThinkingBlocks() {
    }

    /** An Anthropic content block → its {@code thinking_blocks} entry, or null for a block that is not thinking. */
    static ObjectNode toOpenAi(JsonNode block) {
        return switch (block.path("type").asText()) {
            case "thinking" -> thinking(block.path("thinking").asText(""), block.path("signature").asText(""));
            case "redacted_thinking" -> Json.object().put("type", "redacted_thinking").put("data", block.path("data").asText(""));
            default -> null;
        };
    }

    static ObjectNode thinking(String text, String signature) {
        return Json.object().put("type", "thinking").put("thinking", text).put("signature", signature);
    }

    /**
     * An assistant message's {@code thinking_blocks} → Anthropic content blocks, in order (the validator checked the
     * field types). An entry of another type is refused: sent on, Anthropic would refuse the whole request for it.
     */
    static List<ObjectNode> toAnthropic(JsonNode message, String param) {
        List<ObjectNode> blocks = new ArrayList<>();
        JsonNode entries = message.path(FIELD);
        for (int k = 0; k < entries.size(); k++) {
            JsonNode entry = entries.get(k);
            switch (entry.path("type").asText()) {
                case "thinking" -> blocks.add(thinking(entry.path("thinking").asText(""), entry.path("signature").asText("")));
                case "redacted_thinking" -> blocks.add(Json.object().put("type", "redacted_thinking")
                        .put("data", entry.path("data").asText("")));
                default -> throw GatewayException.badRequest("'" + param + "." + FIELD + "[" + k + "].type' must be "
                        + "'thinking' or 'redacted_thinking', as the gateway returned them.",
                        param + "." + FIELD + "[" + k + "].type", "invalid_value");
            }
        }
        return blocks;
    }
}
