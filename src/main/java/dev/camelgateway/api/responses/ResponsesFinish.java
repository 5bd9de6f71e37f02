package dev.camelgateway.api.responses;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelgateway.api.Json;

import java.util.Map;

/**
 * Chat Completions {@code finish_reason} → the Response's {@code status} and {@code incomplete_details}: an answer cut
 * by its token limit or by a content filter is {@code incomplete}; any other end is {@code completed}.
 */
final class ResponsesFinish {
    /** finish_reason → incomplete_details.reason. */
    private static final Map<String, String> INCOMPLETE = Map.of("length", "max_output_tokens",
            "content_filter", "content_filter");

    private ResponsesFinish() {
    }

    static boolean incomplete(String finishReason) {
        return finishReason != null && INCOMPLETE.containsKey(finishReason);
    }

    /** Sets status (and incomplete_details) on the response. */
    static void apply(ObjectNode response, String finishReason) {
        if (incomplete(finishReason)) {
            response.put("status", "incomplete");
            response.set("incomplete_details", Json.object().put("reason", INCOMPLETE.get(finishReason)));
        } else {
            response.put("status", "completed");
            response.putNull("incomplete_details");
        }
    }
}
