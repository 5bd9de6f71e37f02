package dev.camelgateway.provider.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelgateway.usage.Usage;

/**
 * Gemini {@code usageMetadata} → OpenAI usage (wire-formats §3.3). Thinking tokens are output the model produced, so
 * {@code completion = candidates + thoughts} (and {@code reasoning_tokens = thoughts}); tool-use prompt tokens are
 * input, so {@code prompt = promptTokenCount + toolUsePromptTokenCount}. In a stream the counts are cumulative:
 * the last chunk's values are the answer's, never a sum. A count Gemini did not send stays null (the gateway then
 * counts it and marks the row estimated), never 0.
 */
final class GeminiUsage {
    private GeminiUsage() {
    }

    static Usage toUsage(JsonNode metadata) {
        if (metadata == null || !metadata.isObject()) {
            return null;
        }
        Long prompt = sum(number(metadata, "promptTokenCount"), number(metadata, "toolUsePromptTokenCount"));
        Long thoughts = number(metadata, "thoughtsTokenCount");
        Long candidates = number(metadata, "candidatesTokenCount");
        Long completion = sum(candidates, thoughts); // null when Gemini sent neither: unknown, not zero

        Long total = number(metadata, "totalTokenCount");
        return new Usage(prompt, completion, total != null ? total : sum(prompt, completion),
                number(metadata, "cachedContentTokenCount"), thoughts);
    }

    private static Long number(JsonNode metadata, String field) {
        JsonNode value = metadata.get(field);
        return value != null && value.isNumber() ? value.asLong() : null;
    }

    private static Long sum(Long a, Long b) {
        if (a == null || b == null) {
            return a == null ? b : a; // not a ternary over a + b: that would unbox a null
        }
        return a + b;
    }
}
