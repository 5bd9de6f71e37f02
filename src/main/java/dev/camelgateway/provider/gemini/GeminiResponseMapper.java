package dev.camelgateway.provider.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelgateway.api.Json;
import dev.camelgateway.provider.MappedResponse;
import dev.camelgateway.provider.UpstreamJson;
import dev.camelgateway.provider.openai.OpenAiShapes;
import dev.camelgateway.provider.openai.OpenAiUsage;
import dev.camelgateway.usage.Usage;

/**
 * A whole Gemini answer → OpenAI {@code chat.completion}: one choice per candidate (wire-formats §3.3, T19–T21).
 * Thought parts become {@code reasoning_content}, never {@code content}.
 */
final class GeminiResponseMapper {
    private GeminiResponseMapper() {
    }

    static MappedResponse toChatCompletion(byte[] body, String requestedModel, long created) {
        ObjectNode response = UpstreamJson.object(body, "response body");
        GeminiCandidates.rejectBlockedPrompt(response);
        String id = response.path("responseId").asText("gemini-" + created);
        ObjectNode completion = OpenAiShapes.completion(id, created, response.path("modelVersion").asText(requestedModel));
        for (JsonNode candidate : response.path("candidates")) {
            String text = GeminiCandidates.text(candidate);
            ArrayNode toolCalls = GeminiCandidates.toolCalls(candidate, id, 0);
            ObjectNode message = Json.object().put("role", "assistant");
            if (!text.isEmpty() || (toolCalls.isEmpty() && candidate.has("content"))) {
                message.put("content", text);
            } else {
                message.putNull("content"); // tool calls only, or nothing at all (a blocked candidate)
            }
            String thoughts = GeminiCandidates.thoughts(candidate);
            if (!thoughts.isEmpty()) {
                message.put("reasoning_content", thoughts);
            }
            if (!toolCalls.isEmpty()) {
                message.set("tool_calls", toolCalls);
            }
            OpenAiShapes.addChoice(completion, candidate.path("index").asInt(0), message,
                    GeminiFinishReasons.toFinishReason(candidate.path("finishReason").asText(null), !toolCalls.isEmpty()));
        }
        Usage usage = GeminiUsage.toUsage(response.get("usageMetadata"));
        if (usage != null) {
            completion.set("usage", OpenAiUsage.toJson(usage));
        }
        return new MappedResponse(Json.bytes(completion), usage);
    }
}
