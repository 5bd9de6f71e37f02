package dev.camelgateway.provider.bedrock;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelgateway.usage.Usage;

/**
 * Converse {@code usage} → OpenAI's
 * (https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_TokenUsage.html). Bedrock's
 * {@code inputTokens} leaves out the cached prefix, so {@code prompt_tokens = inputTokens + cacheReadInputTokens +
 * cacheWriteInputTokens} (as Anthropic's rule); cache reads are {@code cached_tokens};
 * {@code total = prompt + completion}. A field Bedrock did not send stays "not reported".
 */
final class BedrockUsage {
    private BedrockUsage() {
    }

    static Usage toUsage(JsonNode usage) {
        return Usage.ofUncachedInput(number(usage, "inputTokens"), number(usage, "cacheReadInputTokens"), number(usage, "cacheWriteInputTokens"),
                number(usage, "outputTokens"));
    }

    private static Long number(JsonNode usage, String field) {
        JsonNode value = usage == null ? null : usage.get(field);
        return value != null && value.isNumber() ? value.asLong() : null;
    }
}
