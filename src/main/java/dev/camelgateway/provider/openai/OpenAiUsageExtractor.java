package dev.camelgateway.provider.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelgateway.usage.Usage;

/**
 * OpenAI's {@code usage} object (also Mistral's and every OpenAI-compatible server's): prompt, completion and
 * total as reported; cached tokens from {@code prompt_tokens_details.cached_tokens}, reasoning tokens from
 * {@code completion_tokens_details.reasoning_tokens}. Absent fields stay null.
 */
public final class OpenAiUsageExtractor {
    private OpenAiUsageExtractor() {
    }

    public static Usage toUsage(JsonNode usage) {
        if (usage == null || !usage.isObject()) {
            return null;
        }
        return new Usage(number(usage.get("prompt_tokens")), number(usage.get("completion_tokens")),
                number(usage.get("total_tokens")), number(usage.path("prompt_tokens_details").get("cached_tokens")),
                number(usage.path("completion_tokens_details").get("reasoning_tokens")));
    }

    private static Long number(JsonNode node) {
        return node != null && node.isNumber() ? node.asLong() : null;
    }
}
