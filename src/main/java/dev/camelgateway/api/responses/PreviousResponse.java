package dev.camelgateway.api.responses;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The stored response a chained call continues ({@code previous_response_id}), without its items.
 *
 * @param upstreamHeld       its deployment keeps it too (an OpenAI-type passthrough with store)
 * @param conversationTokens its usage's input plus output tokens: the conversation's tokens up to and including it
 *                           (-1 when it reported none)
 */
public record PreviousResponse(String id, String deployment, boolean upstreamHeld, long conversationTokens) {
    static long conversationTokens(JsonNode response) {
        JsonNode usage = response.path("usage");
        if (!usage.path("input_tokens").canConvertToLong() || !usage.path("output_tokens").canConvertToLong()) {
            return -1;
        }
        return usage.get("input_tokens").asLong() + usage.get("output_tokens").asLong();
    }
}
