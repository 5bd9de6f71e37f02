package dev.camelgateway.api.responses;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelgateway.api.Json;
import dev.camelgateway.usage.Usage;

/**
 * Usage in the Responses API's shape ({@code input_tokens}, {@code input_tokens_details.cached_tokens},
 * {@code output_tokens}, {@code output_tokens_details.reasoning_tokens}, {@code total_tokens}): made from Chat
 * Completions' usage for a translated answer, read into the ledger's {@link Usage} for a passthrough one.
 */
public final class ResponsesUsage {
    private ResponsesUsage() {
    }

    /** Chat Completions {@code usage} → Responses {@code usage}; null when the answer reported none. */
    public static ObjectNode fromChat(JsonNode usage) {
        if (usage == null || !usage.isObject() || !usage.hasNonNull("prompt_tokens")) {
            return null;
        }
        long input = usage.path("prompt_tokens").asLong();
        long output = usage.path("completion_tokens").asLong();
        ObjectNode out = Json.object().put("input_tokens", input);
        out.putObject("input_tokens_details").put("cached_tokens",
                usage.path("prompt_tokens_details").path("cached_tokens").asLong(0));
        out.put("output_tokens", output);
        out.putObject("output_tokens_details").put("reasoning_tokens",
                usage.path("completion_tokens_details").path("reasoning_tokens").asLong(0));
        out.put("total_tokens", usage.hasNonNull("total_tokens") ? usage.get("total_tokens").asLong() : input + output);
        return out;
    }

    /** Responses {@code usage} → the ledger's usage; null when absent. A field the upstream left out stays unknown. */
    public static Usage toUsage(JsonNode usage) {
        if (usage == null || !usage.isObject()) {
            return null;
        }
        Long input = number(usage.get("input_tokens"));
        Long output = number(usage.get("output_tokens"));
        Long total = number(usage.get("total_tokens"));
        return new Usage(input, output, total != null ? total : input == null || output == null ? null : input + output,
                number(usage.path("input_tokens_details").get("cached_tokens")),
                number(usage.path("output_tokens_details").get("reasoning_tokens")));
    }

    private static Long number(JsonNode node) {
        return node != null && node.isIntegralNumber() ? node.asLong() : null;
    }
}
