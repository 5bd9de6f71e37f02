package dev.camelgateway.provider.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelgateway.usage.Usage;

/**
 * Anthropic usage → OpenAI's. Anthropic's total input is {@code input_tokens + cache_read_input_tokens +
 * cache_creation_input_tokens} (Messages API reference), so that sum is {@code prompt_tokens}; cache reads are
 * {@code cached_tokens}; {@code total = prompt + completion}.
 */
final class AnthropicUsage {
    private AnthropicUsage() {
    }

    static Usage toUsage(JsonNode inputSide, JsonNode outputSide) {
        return Usage.ofUncachedInput(number(inputSide, "input_tokens"), number(inputSide, "cache_read_input_tokens"), number(inputSide, "cache_creation_input_tokens"),
                number(outputSide, "output_tokens"));
    }

    private static Long number(JsonNode usage, String field) {
        JsonNode value = usage == null ? null : usage.get(field);
        return value != null && value.isNumber() ? value.asLong() : null;
    }
}
