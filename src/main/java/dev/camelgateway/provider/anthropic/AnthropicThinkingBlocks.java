package dev.camelgateway.provider.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelgateway.provider.ThinkingBlocks;

import java.util.ArrayList;
import java.util.List;

/** Anthropic's thinking and redacted_thinking content blocks ↔ the gateway's {@link ThinkingBlocks} entries. */
final class AnthropicThinkingBlocks {
    private AnthropicThinkingBlocks() {
    }

    /** An Anthropic content block → its {@code thinking_blocks} entry, or null for a block that is not thinking. */
    static ObjectNode toOpenAi(JsonNode block) {
        return switch (block.path("type").asText()) {
            case "thinking" -> ThinkingBlocks.thinking(block.path("thinking").asText(""), block.path("signature").asText(""));
            case "redacted_thinking" -> ThinkingBlocks.redacted(block.path("data").asText(""));
            default -> null;
        };
    }

    /** An assistant message's {@code thinking_blocks} → Anthropic content blocks, in order. */
    static List<ObjectNode> toAnthropic(JsonNode message, String param) {
        List<ObjectNode> blocks = new ArrayList<>();
        for (JsonNode entry : ThinkingBlocks.of(message, param)) {
            blocks.add("thinking".equals(entry.path("type").asText())
                    ? ThinkingBlocks.thinking(entry.path("thinking").asText(""), entry.path("signature").asText(""))
                    : ThinkingBlocks.redacted(entry.path("data").asText("")));
        }
        return blocks;
    }
}
