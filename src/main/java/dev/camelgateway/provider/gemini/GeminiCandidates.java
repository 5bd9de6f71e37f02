package dev.camelgateway.provider.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelgateway.api.GatewayException;
import dev.camelgateway.api.Json;
import dev.camelgateway.api.OpenAiError;

/** What whole answers and stream chunks share: reading a candidate's parts, and refusing a blocked prompt. */
final class GeminiCandidates {
    private GeminiCandidates() {
    }

    /** The visible text of a candidate's parts (thought parts are the model's reasoning, not its answer). */
    static String text(JsonNode candidate) {
        return partsText(candidate, false);
    }

    /** The text of a candidate's thought parts ({@code thought: true}): what becomes {@code reasoning_content}. */
    static String thoughts(JsonNode candidate) {
        return partsText(candidate, true);
    }

    private static String partsText(JsonNode candidate, boolean thought) {
        StringBuilder text = new StringBuilder();
        for (JsonNode part : candidate.path("content").path("parts")) {
            if (part.has("text") && part.path("thought").asBoolean(false) == thought) {
                text.append(part.get("text").asText());
            }
        }
        return text.toString();
    }

    /**
     * The candidate's function calls as OpenAI tool calls (without {@code index}); {@code firstOrdinal} numbers them
     * across a stream so that minted ids stay unique.
     */
    static ArrayNode toolCalls(JsonNode candidate, String responseId, int firstOrdinal) {
        ArrayNode calls = Json.MAPPER.createArrayNode();
        int candidateIndex = candidate.path("index").asInt(0);
        for (JsonNode part : candidate.path("content").path("parts")) {
            JsonNode functionCall = part.get("functionCall");
            if (functionCall == null) {
                continue;
            }
            ObjectNode call = calls.addObject().put("id", GeminiToolCallIds.toCallId(responseId, candidateIndex,
                    firstOrdinal + calls.size() - 1, part.path("thoughtSignature").asText(null))).put("type", "function");
            call.putObject("function").put("name", functionCall.path("name").asText())
                    .put("arguments", Json.write(functionCall.has("args") ? functionCall.get("args") : Json.object()));
        }
        return calls;
    }

    /** A prompt Gemini refused to answer ({@code promptFeedback.blockReason}, no candidates) is a 400, not an answer. */
    static void rejectBlockedPrompt(JsonNode response) {
        String reason = response.path("promptFeedback").path("blockReason").asText(null);
        if (reason != null && response.path("candidates").isEmpty()) {
            throw new GatewayException(400, new OpenAiError("Gemini blocked the prompt (blockReason " + reason
                    + "); no answer was generated.", OpenAiError.INVALID_REQUEST, "messages", "prompt_blocked"));
        }
    }
}
