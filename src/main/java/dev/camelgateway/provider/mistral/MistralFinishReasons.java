package dev.camelgateway.provider.mistral;

import dev.camelgateway.provider.UpstreamStreamException;

import java.util.Map;

/** Mistral {@code finish_reason} → OpenAI (wire-formats §4.3). {@code error} is a failed generation, not a stop. */
final class MistralFinishReasons {
    private static final Map<String, String> TO_OPENAI = Map.of(
            "stop", "stop",
            "length", "length",
            "model_length", "length",
            "tool_calls", "tool_calls");

    private MistralFinishReasons() {
    }

    static String toFinishReason(String mistral) {
        if (mistral == null) {
            return null;
        }
        if ("error".equals(mistral)) {
            throw new UpstreamStreamException("upstream_error", "Mistral ended the generation with finish_reason 'error'.");
        }
        String mapped = TO_OPENAI.get(mistral);
        if (mapped == null) {
            throw new UpstreamStreamException(UpstreamStreamException.PROTOCOL_ERROR,
                    "Mistral sent an unknown finish_reason '" + mistral + "'.");
        }
        return mapped;
    }
}
