package dev.camelgateway.api.responses;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelgateway.api.Json;

import java.math.BigDecimal;

/**
 * The Response object of a translated answer around its output: id, status, model and the request's settings echoed
 * as OpenAI echoes them (defaults for what the client left out), so that SDKs find every field they require.
 */
final class ResponseShell {
    /** OpenAI's default temperature and top_p, as the gateway reads numbers (BigDecimal). */
    private static final JsonNode ONE = Json.MAPPER.getNodeFactory().numberNode(new BigDecimal("1.0"));
    private ResponseShell() {
    }

    /** An {@code in_progress} response with no output yet (a stream's first events). */
    static ObjectNode of(ObjectNode request, String id, long createdAt, String model) {
        ObjectNode response = Json.object();
        response.put("id", id);
        response.put("object", "response");
        response.put("created_at", createdAt);
        response.put("status", "in_progress");
        response.put("background", false);
        response.putNull("error");
        response.putNull("incomplete_details");
        echo(request, response, "instructions");
        echo(request, response, "max_output_tokens");
        response.put("model", model);
        response.putArray("output");
        response.put("parallel_tool_calls", request.path("parallel_tool_calls").asBoolean(true));
        echo(request, response, "previous_response_id");
        ObjectNode reasoning = response.putObject("reasoning");
        reasoning.set("effort", orNull(request.path("reasoning").get("effort")));
        reasoning.set("summary", orNull(request.path("reasoning").get("summary")));
        response.put("store", request.path("store").asBoolean(true));
        response.set("temperature", request.hasNonNull("temperature") ? request.get("temperature") : ONE);
        ObjectNode text = response.putObject("text");
        JsonNode format = request.path("text").get("format");
        text.set("format", format != null && format.isObject() ? format : Json.object().put("type", "text"));
        text.put("verbosity", request.path("text").path("verbosity").asText("medium"));
        response.set("tool_choice", request.hasNonNull("tool_choice") ? request.get("tool_choice")
                : Json.MAPPER.getNodeFactory().textNode("auto"));
        response.set("tools", request.hasNonNull("tools") ? request.get("tools") : Json.MAPPER.createArrayNode());
        response.set("top_p", request.hasNonNull("top_p") ? request.get("top_p") : ONE);
        response.put("truncation", request.path("truncation").asText("disabled"));
        response.putNull("usage");
        echo(request, response, "user");
        response.set("metadata", request.hasNonNull("metadata") ? request.get("metadata") : Json.object());
        return response;
    }

    private static void echo(ObjectNode request, ObjectNode response, String field) {
        response.set(field, orNull(request.get(field)));
    }

    private static JsonNode orNull(JsonNode value) {
        return value == null ? Json.MAPPER.getNodeFactory().nullNode() : value;
    }
}
