package dev.camelgateway.api.responses;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelgateway.api.Json;
import dev.camelgateway.stream.SseFrame;

/**
 * The {@code response.failed} event that ends a stream broken after its first byte: the response so far with status
 * {@code failed} and {@code error: {code, message}} from the gateway's error envelope. Never a completion.
 */
public final class ResponseFailedEvent {
    private ResponseFailedEvent() {
    }

    /**
     * @param response  the response as last announced (its output so far); null when the stream never announced one
     * @param request   the client's request, for a response made from it when none was announced
     * @param errorBody the error in OpenAI's envelope ({@code {"error":{"message","type","param","code"}}})
     */
    public static SseFrame of(ObjectNode response, ObjectNode request, String errorBody, int sequenceNumber) {
        ObjectNode failed = response != null ? response.deepCopy()
                : ResponseShell.of(request, ResponsesItems.newId("resp"), System.currentTimeMillis() / 1000,
                request.path("model").asText());
        ObjectNode envelope = Json.objectOrNull(errorBody);
        JsonNode error = envelope == null ? Json.object() : envelope.path("error");
        failed.put("status", "failed");
        failed.set("error", Json.object().put("code", error.path("code").asText(error.path("type").asText("server_error")))
                .put("message", error.path("message").asText("The response failed.")));
        ObjectNode event = Json.object().put("type", "response.failed").put("sequence_number", sequenceNumber);
        event.set("response", failed);
        return new SseFrame("response.failed", Json.write(event));
    }
}
