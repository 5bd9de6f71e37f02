package dev.camelgateway.provider.gemini;

import java.util.Set;

/**
 * Gemini {@code finishReason} → OpenAI {@code finish_reason} (wire-formats §3.3, enum of
 * https://ai.google.dev/api/generate-content#FinishReason). STOP with function calls is {@code tool_calls}; the
 * safety and policy reasons are {@code content_filter}; everything else (MALFORMED_FUNCTION_CALL, OTHER…) ended the
 * turn without a more precise OpenAI value, so {@code stop}.
 */
final class GeminiFinishReasons {
    private static final Set<String> CONTENT_FILTER = Set.of("SAFETY", "RECITATION", "LANGUAGE", "BLOCKLIST",
            "PROHIBITED_CONTENT", "SPII", "IMAGE_SAFETY", "IMAGE_PROHIBITED_CONTENT", "IMAGE_RECITATION", "IMAGE_OTHER",
            "NO_IMAGE");

    private GeminiFinishReasons() {
    }

    static String toFinishReason(String finishReason, boolean hasToolCalls) {
        if ("MAX_TOKENS".equals(finishReason)) {
            return "length";
        }
        if (CONTENT_FILTER.contains(finishReason)) {
            return "content_filter";
        }
        return hasToolCalls ? "tool_calls" : "stop";
    }
}
