package dev.camelgateway.provider.bedrock;

import java.util.Map;

/**
 * Converse {@code stopReason} → OpenAI {@code finish_reason}
 * (https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_Converse.html#API_runtime_Converse_ResponseSyntax).
 * {@code model_context_window_exceeded} is {@code length}: the answer was cut because the context filled up, and
 * what came so far is the answer (an error would throw it away).
 */
final class BedrockFinishReasons {
    private static final Map<String, String> TO_OPENAI = Map.of(
            "end_turn", "stop",
            "stop_sequence", "stop",
            "tool_use", "tool_calls",
            "max_tokens", "length",
            "model_context_window_exceeded", "length",
            "guardrail_intervened", "content_filter",
            "content_filtered", "content_filter");

    private BedrockFinishReasons() {
    }

    /** Unknown or missing reasons map to {@code stop}: the turn did end, and OpenAI has no other neutral value. */
    static String toFinishReason(String stopReason) {
        return TO_OPENAI.getOrDefault(stopReason == null ? "" : stopReason, "stop");
    }
}
