package dev.camelgateway.provider.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelgateway.usage.Usage;

/**
 * The {@code usage} of an OpenAI-shaped embeddings answer (OpenAI's, Mistral's): {@code prompt_tokens} and
 * {@code total_tokens} as reported; completion is zero, a fact rather than a count (an embedding has no output), so
 * that a row is marked estimated only when the prompt was not reported.
 */
public final class OpenAiEmbeddingsUsage {
    private OpenAiEmbeddingsUsage() {
    }

    /** Never null: without a reported prompt count its prompt stays null (the gateway's count, marked estimated). */
    public static Usage toUsage(JsonNode usage) {
        Long prompt = number(usage == null ? null : usage.get("prompt_tokens"));
        Long total = number(usage == null ? null : usage.get("total_tokens"));
        return new Usage(prompt, 0L, total != null ? total : prompt, null, null);
    }

    private static Long number(JsonNode node) {
        return node != null && node.isIntegralNumber() && node.canConvertToLong() && node.asLong() >= 0 ? node.asLong() : null;
    }
}
