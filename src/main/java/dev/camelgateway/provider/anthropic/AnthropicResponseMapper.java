package dev.camelgateway.provider.anthropic;

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
 * A whole Anthropic message → OpenAI {@code chat.completion} (wire-formats §2.3, T07, T13): text blocks joined into
 * {@code content}, {@code tool_use} blocks into {@code tool_calls}, thinking blocks joined into {@code reasoning_content} (as DeepSeek and vLLM return it; never into
 * {@code content}), and every thinking and redacted_thinking block, signed, in {@code thinking_blocks}: a client that
 * sends the assistant message back in a tool loop hands them to Anthropic again ({@link ThinkingBlocks}).
 * {@code content} is "" when there is neither text nor a tool call, null when there are only tool calls.
 */
final class AnthropicResponseMapper {
    private AnthropicResponseMapper() {
    }

    static MappedResponse toChatCompletion(byte[] body, boolean jsonMode, long created) {
        ObjectNode message = UpstreamJson.object(body, "response body");
        StringBuilder text = new StringBuilder();
        StringBuilder thinking = new StringBuilder();
        ArrayNode toolCalls = Json.MAPPER.createArrayNode();
        ArrayNode thinkingBlocks = Json.MAPPER.createArrayNode();
        for (JsonNode block : message.path("content")) {
            ObjectNode thinkingBlock = AnthropicThinkingBlocks.toOpenAi(block);
            if (thinkingBlock != null) {
                thinkingBlocks.add(thinkingBlock);
            }
            switch (block.path("type").asText()) {
                case "text" -> text.append(block.path("text").asText(""));
                case "thinking" -> thinking.append(block.path("thinking").asText(""));
                case "tool_use" -> {
                    if (jsonMode && AnthropicJsonMode.TOOL_NAME.equals(block.path("name").asText())) {
                        text.append(Json.write(block.path("input")));
                    } else {
                        ObjectNode call = toolCalls.addObject().put("id", block.path("id").asText()).put("type", "function");
                        call.putObject("function").put("name", block.path("name").asText())
                                .put("arguments", Json.write(block.path("input")));
                    }
                }
                default -> { } // redacted_thinking, server tool blocks: no OpenAI field
            }
        }
        ObjectNode out = Json.object().put("role", "assistant");
        if (toolCalls.isEmpty() || !text.isEmpty()) {
            out.put("content", text.toString());
        } else {
            out.putNull("content");
        }
        if (!thinking.isEmpty()) {
            out.put("reasoning_content", thinking.toString());
        }
        if (!thinkingBlocks.isEmpty()) {
            out.set(ThinkingBlocks.FIELD, thinkingBlocks);
        }
        if (!toolCalls.isEmpty()) {
            out.set("tool_calls", toolCalls);
        }
        ObjectNode completion = OpenAiShapes.completion(message.path("id").asText(), created, message.path("model").asText());
        OpenAiShapes.addChoice(completion, 0, out,
                AnthropicFinishReasons.toFinishReason(message.path("stop_reason").asText(null), jsonMode));
        Usage usage = AnthropicUsage.toUsage(message.get("usage"), message.get("usage"));
        completion.set("usage", OpenAiUsage.toJson(usage));
        return new MappedResponse(Json.bytes(completion), usage);
    }
}
