package dev.camelgateway.provider.anthropic;

import java.util.Map;

/** Anthropic {@code stop_reason} → OpenAI {@code finish_reason} (wire-formats §2.3). */
final class AnthropicFinishReasons {
    private static final Map<String, String> TO_OPENAI = Map.of(
            "end_turn", "stop",
            "stop_sequence", "stop",
            "pause_turn", "stop",
            "max_tokens", "length",
            "tool_use", "tool_calls",
            "refusal", "content_filter");

    private AnthropicFinishReasons() {
    }

    /** Unknown or missing reasons map to {@code stop}: the turn did end, and OpenAI has no other neutral value. */
    static String toFinishReason(String stopReason, boolean jsonMode) {
        String mapped = TO_OPENAI.getOrDefault(stopReason == null ? "" : stopReason, "stop");
        return jsonMode && "tool_calls".equals(mapped) ? "stop" : mapped;
    }
}
