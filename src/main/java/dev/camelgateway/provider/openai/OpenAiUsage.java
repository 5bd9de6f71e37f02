package dev.camelgateway.provider.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelgateway.api.Json;
import dev.camelgateway.usage.Usage;

/**
 * OpenAI's {@code usage} object (also Mistral's and every OpenAI-compatible server's): prompt, completion and
 * total as reported; cached tokens from {@code prompt_tokens_details.cached_tokens}, reasoning tokens from
 * {@code completion_tokens_details.reasoning_tokens}. Absent fields stay null.
 */
public final class OpenAiUsage {
    private OpenAiUsage() {
    }

    /** The usage object OpenAI clients read; detail objects only for the counts the provider reported. */
    public static ObjectNode toJson(Usage usage) {
        ObjectNode json = Json.object();
        json.put("prompt_tokens", orZero(usage.promptTokens()));
        json.put("completion_tokens", orZero(usage.completionTokens()));
        json.put("total_tokens", usage.totalTokens() != null ? usage.totalTokens()
                : orZero(usage.promptTokens()) + orZero(usage.completionTokens()));
        if (usage.cachedTokens() != null) {
            json.putObject("prompt_tokens_details").put("cached_tokens", usage.cachedTokens());
        }
        if (usage.reasoningTokens() != null) {
            json.putObject("completion_tokens_details").put("reasoning_tokens", usage.reasoningTokens());
        }
        return json;
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
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
