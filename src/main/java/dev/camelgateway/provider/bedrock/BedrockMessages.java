package dev.camelgateway.provider.bedrock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelgateway.api.GatewayException;
import dev.camelgateway.api.Json;
import dev.camelgateway.provider.ConversationTurns;
import dev.camelgateway.provider.ConversationTurns.Turn;
import dev.camelgateway.provider.MessageText;
import dev.camelgateway.provider.ThinkingBlocks;
import dev.camelgateway.provider.ToolArguments;
import dev.camelgateway.provider.UnsupportedParameters;

import java.util.ArrayList;
import java.util.List;

/**
 * OpenAI messages → Converse {@code system} and {@code messages}
 * (https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_Message.html). System and developer messages
 * become {@code system} text blocks, in order. Content blocks: {@code text}; a text part's {@code cache_control}
 * becomes a {@code cachePoint} block right after it; images and files via {@link BedrockMedia}; an assistant's tool
 * calls become {@code toolUse}, role-tool messages {@code toolResult} blocks of a user turn. Consecutive turns of one
 * role are merged (Converse wants them alternating), tool results first.
 */
final class BedrockMessages {
    private BedrockMessages() {
    }

    static ArrayNode toSystem(ArrayNode messages) {
        ArrayNode system = Json.MAPPER.createArrayNode();
        for (JsonNode message : messages) {
            String role = message.path("role").asText();
            if ("system".equals(role) || "developer".equals(role)) {
                addText(system, message.get("content"));
            }
        }
        return system;
    }

    static ArrayNode toMessages(ArrayNode messages, UnsupportedParameters policy) {
        List<Turn> turns = ConversationTurns.toTurns(messages, new ConversationTurns.Blocks(
                (content, param) -> toUserBlocks(content, param, policy), BedrockMessages::toAssistantBlocks, BedrockMessages::toToolResult), policy);
        if (turns.isEmpty()) {
            throw GatewayException.badRequest("Bedrock needs at least one user or assistant message besides system messages.",
                    "messages", "invalid_value");
        }
        ArrayNode out = Json.MAPPER.createArrayNode();
        for (Turn turn : turns) {
            ArrayNode content = out.addObject().put("role", turn.role()).putArray("content");
            turn.blocks().stream().filter(b -> b.has("toolResult")).forEach(content::add);
            turn.blocks().stream().filter(b -> !b.has("toolResult")).forEach(content::add);
        }
        return out;
    }

    private static List<ObjectNode> toUserBlocks(JsonNode content, String param, UnsupportedParameters policy) {
        List<ObjectNode> blocks = new ArrayList<>();
        if (content == null || content.isNull() || content.isTextual()) {
            addText(blocks, content == null ? "" : content.asText(""));
            return blocks;
        }
        for (int j = 0; j < content.size(); j++) {
            JsonNode part = content.get(j);
            String partParam = param + ".content[" + j + "]";
            switch (part.path("type").asText()) {
                case "text" -> {
                    if (addText(blocks, part.path("text").asText("")) && part.hasNonNull("cache_control")) {
                        blocks.add(cachePoint());
                    }
                }
                case "image_url" -> blocks.add(BedrockMedia.toImage(part.path("image_url").path("url").asText(null), partParam));
                case "file" -> blocks.add(BedrockMedia.toDocument(part, partParam));
                default -> policy.reject(partParam + ".type=" + part.path("type").asText());
            }
        }
        return blocks;
    }

    /** Anthropic's {@code cache_control} marks the end of a cacheable prefix; Converse marks it with a block. */
    private static ObjectNode cachePoint() {
        ObjectNode block = Json.object();
        block.putObject("cachePoint").put("type", "default");
        return block;
    }

    private static List<ObjectNode> toAssistantBlocks(JsonNode message, String param) {
        List<ObjectNode> blocks = new ArrayList<>();
        for (JsonNode entry : ThinkingBlocks.of(message, param)) { // signed reasoning first, as Claude sent it
            ObjectNode block = Json.object();
            ObjectNode content = block.putObject("reasoningContent");
            if ("thinking".equals(entry.path("type").asText())) {
                content.putObject("reasoningText").put("text", entry.path("thinking").asText(""))
                        .put("signature", entry.path("signature").asText(""));
            } else {
                content.put("redactedContent", entry.path("data").asText(""));
            }
            blocks.add(block);
        }
        addText(blocks, MessageText.of(message.get("content")));
        JsonNode calls = message.path("tool_calls");
        for (int j = 0; j < calls.size(); j++) {
            JsonNode call = calls.get(j);
            ObjectNode block = Json.object();
            block.putObject("toolUse").put("toolUseId", call.path("id").asText())
                    .put("name", call.path("function").path("name").asText())
                    .set("input", ToolArguments.toObject(call.path("function").path("arguments").asText(""),
                            param + ".tool_calls[" + j + "].function.arguments"));
            blocks.add(block);
        }
        return blocks;
    }

    private static ObjectNode toToolResult(JsonNode message) {
        ObjectNode block = Json.object();
        ObjectNode result = block.putObject("toolResult").put("toolUseId", message.path("tool_call_id").asText());
        result.putArray("content").addObject().put("text", MessageText.of(message.get("content")));
        return block;
    }

    private static void addText(ArrayNode blocks, JsonNode content) {
        String text = MessageText.of(content);
        if (!text.isEmpty()) {
            blocks.addObject().put("text", text);
        }
    }

    /** Converse rejects blank text blocks; returns whether a block was added. */
    private static boolean addText(List<ObjectNode> blocks, String text) {
        if (text.isEmpty()) {
            return false;
        }
        blocks.add(Json.object().put("text", text));
        return true;
    }
}
