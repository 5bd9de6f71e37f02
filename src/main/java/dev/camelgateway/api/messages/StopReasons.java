package dev.camelgateway.api.messages;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/**
 * Chat Completions {@code finish_reason} → Anthropic {@code stop_reason} (https://docs.anthropic.com/en/api/messages):
 * one table, default end_turn. A stop sequence is reported when it is knowable: OpenAI-compatible servers such as
 * vLLM name the matched one in the choice's {@code stop_reason}; OpenAI, Gemini and Mistral do not, so their
 * {@code stop} stays end_turn.
 */
final class StopReasons {
    private static final Map<String, String> TABLE = Map.of(
            "stop", "end_turn",
            "length", "max_tokens",
            "tool_calls", "tool_use",
            "function_call", "tool_use",
            "content_filter", "refusal");

    private StopReasons() {
    }

    /** The stop reason and, for {@code stop_sequence}, the sequence. */
    record Stop(String reason, String sequence) {
    }

    /** @param choice a completion's choice or a chunk's; {@code stopSequences} the request's */
    static Stop of(String finishReason, JsonNode choice, List<String> stopSequences) {
        JsonNode matched = choice.get("stop_reason");
        if ("stop".equals(finishReason) && matched != null && matched.isTextual() && stopSequences.contains(matched.asText())) {
            return new Stop("stop_sequence", matched.asText());
        }
        return new Stop(TABLE.getOrDefault(finishReason, "end_turn"), null);
    }
}
