package dev.camelgateway.api.responses;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelgateway.api.Json;
import dev.camelgateway.routing.GatewayProperties;
import dev.camelgateway.routing.Target;

/**
 * What a chained call ({@code previous_response_id}) sends upstream. The deployment that keeps the previous response
 * itself (a passthrough with store) gets the id as it is; any other gets the stored conversation expanded into
 * {@code input}, without the id. Instructions are not carried over, as at OpenAI.
 */
public final class ResponsesConversation {
    private ResponsesConversation() {
    }

    /** Each stored response's input items, then its output items, oldest first (the turns' own nodes, not copies). */
    public static ArrayNode history(StoredConversation conversation) {
        ArrayNode items = Json.MAPPER.createArrayNode();
        for (ArrayNode[] turn : conversation.turns()) {
            items.addAll(turn[0]);
            items.addAll(turn[1]);
        }
        return items;
    }

    /** True when the target is the passthrough deployment that keeps the previous response upstream. */
    public static boolean heldBy(PreviousResponse previous, Target target) {
        if (previous == null) {
            return false;
        }
        return previous.upstreamHeld() && previous.deployment().equals(target.providerId())
                && target.provider().getResponses() == GatewayProperties.ResponsesMode.PASSTHROUGH;
    }

    /**
     * The body for a passthrough deployment: the client's, with the upstream model, and — for a chained call the
     * deployment cannot resolve — the conversation in {@code input} instead of {@code previous_response_id}.
     */
    public static ObjectNode toPassthroughBody(ResponsesRequest request, Target target) {
        ObjectNode body = request.body().deepCopy();
        body.put("model", target.upstreamModel());
        if (request.previous() == null || heldBy(request.previous(), target)) {
            return body;
        }
        ArrayNode input = Json.MAPPER.createArrayNode();
        for (JsonNode item : request.history()) {
            ObjectNode plain = toPlainItem(item);
            if (plain != null) {
                input.add(plain);
            }
        }
        input.addAll(request.inputItems());
        body.remove("previous_response_id");
        body.set("input", input);
        return body;
    }

    /**
     * A stored item as a request's input sends it (as Codex does with store:false): no id or status (the deployment
     * never issued them, or did not keep them), an output text part's text only. Reasoning items and records of
     * built-in tool runs are left out: only the deployment that made them can read them.
     */
    static ObjectNode toPlainItem(JsonNode item) {
        String type = ResponsesItems.typeOf(item);
        ObjectNode plain = Json.object();
        if ("message".equals(type)) {
            plain.put("type", "message");
            plain.set("role", item.get("role"));
            JsonNode content = item.get("content");
            if (content.isArray()) {
                ArrayNode parts = plain.putArray("content");
                content.forEach(part -> parts.add("output_text".equals(part.path("type").asText())
                        ? Json.object().put("type", "output_text").put("text", part.path("text").asText()) : part.deepCopy()));
            } else {
                plain.set("content", content);
            }
            return plain;
        }
        if ("function_call".equals(type)) {
            return plain.put("type", type).put("call_id", item.path("call_id").asText())
                    .put("name", item.path("name").asText()).put("arguments", item.path("arguments").asText());
        }
        if ("function_call_output".equals(type)) {
            plain.put("type", type).put("call_id", item.path("call_id").asText());
            plain.set("output", item.get("output"));
            return plain;
        }
        return null;
    }
}
