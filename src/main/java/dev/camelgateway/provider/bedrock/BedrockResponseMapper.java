package dev.camelgateway.provider.bedrock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelgateway.api.Json;
import dev.camelgateway.provider.MappedResponse;
import dev.camelgateway.provider.ThinkingBlocks;
import dev.camelgateway.provider.UpstreamJson;
import dev.camelgateway.provider.openai.OpenAiShapes;
import dev.camelgateway.provider.openai.OpenAiUsage;
import dev.camelgateway.usage.Usage;

/**
 * A whole Converse answer → OpenAI {@code chat.completion}: {@code output.message.content}'s text blocks joined into
 * {@code content}, {@code toolUse} blocks into {@code tool_calls}, {@code reasoningContent.reasoningText.text} into
 * {@code reasoning_content}, and each reasoning block, signed, or redacted, in {@code thinking_blocks} (for the
 * next turn of a tool loop: {@link ThinkingBlocks}). Converse answers carry neither id nor
 * model: the adapter gives the id it made and the deployment's model id.
 */
final class BedrockResponseMapper {
    private BedrockResponseMapper() {
    }

    /** @param header the answer's id, creation time and model: Converse answers carry none of them */
    static MappedResponse toChatCompletion(byte[] body, OpenAiShapes.ChunkHeader header) {
        ObjectNode answer = UpstreamJson.object(body, "response body");
        StringBuilder text = new StringBuilder();
        StringBuilder reasoning = new StringBuilder();
        ArrayNode toolCalls = Json.MAPPER.createArrayNode();
        ArrayNode thinkingBlocks = Json.MAPPER.createArrayNode();
        for (JsonNode block : answer.path("output").path("message").path("content")) {
            if (block.has("text")) {
                text.append(block.path("text").asText(""));
            } else if (block.has("reasoningContent")) {
                JsonNode content = block.path("reasoningContent");
                if (content.has("redactedContent")) {
                    thinkingBlocks.add(ThinkingBlocks.redacted(content.path("redactedContent").asText("")));
                } else {
                    String thought = content.path("reasoningText").path("text").asText("");
                    reasoning.append(thought);
                    thinkingBlocks.add(ThinkingBlocks.thinking(thought, content.path("reasoningText").path("signature").asText("")));
                }
            } else if (block.has("toolUse")) {
                JsonNode use = block.get("toolUse");
                ObjectNode call = toolCalls.addObject().put("id", use.path("toolUseId").asText()).put("type", "function");
                call.putObject("function").put("name", use.path("name").asText())
                        .put("arguments", Json.write(use.path("input").isMissingNode() ? Json.object() : use.get("input")));
            } // image, document, citations: no OpenAI field
        }
        ObjectNode message = Json.object().put("role", "assistant");
        if (toolCalls.isEmpty() || !text.isEmpty()) {
            message.put("content", text.toString());
        } else {
            message.putNull("content");
        }
        if (!reasoning.isEmpty()) {
            message.put("reasoning_content", reasoning.toString());
        }
        if (!thinkingBlocks.isEmpty()) {
            message.set(ThinkingBlocks.FIELD, thinkingBlocks); // signed: sent back in a tool loop
        }
        if (!toolCalls.isEmpty()) {
            message.set("tool_calls", toolCalls);
        }
        ObjectNode completion = OpenAiShapes.completion(header.id(), header.created(), header.model());
        OpenAiShapes.addChoice(completion, 0, message, BedrockFinishReasons.toFinishReason(answer.path("stopReason").asText(null)));
        Usage usage = BedrockUsage.toUsage(answer.get("usage"));
        completion.set("usage", OpenAiUsage.toJson(usage));
        return new MappedResponse(Json.bytes(completion), usage);
    }
}
