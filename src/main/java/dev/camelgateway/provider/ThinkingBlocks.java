package dev.camelgateway.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelgateway.api.GatewayException;
import dev.camelgateway.api.Json;

import java.util.ArrayList;
import java.util.List;

/**
 * Signed thinking across a Chat Completions tool loop (Claude on Anthropic, Vertex and Bedrock). A thinking model that
 * continues after its tool call must get its thinking back exactly as sent (the signature proves it is its own).
 * Chat Completions has no field for it, so the gateway hands it out as {@code thinking_blocks} on the assistant message
 * (LiteLLM's name and shape: {@code {type: thinking, thinking, signature}} and {@code {type: redacted_thinking,
 * data}}) and reads it back, in order, from an assistant message that carries it. Other providers ignore the field.
 */
public final class ThinkingBlocks {
    public static final String FIELD = "thinking_blocks";

    private ThinkingBlocks() {
    }

    public static ObjectNode thinking(String text, String signature) {
        return Json.object().put("type", "thinking").put("thinking", text).put("signature", signature);
    }

    public static ObjectNode redacted(String data) {
        return Json.object().put("type", "redacted_thinking").put("data", data);
    }

    /**
     * An assistant message's entries, in order (the validator checked the field types); an entry of another type is a
     * 400: sent on, the provider would refuse the whole request for it.
     */
    public static List<JsonNode> of(JsonNode message, String param) {
        List<JsonNode> out = new ArrayList<>();
        JsonNode entries = message.path(FIELD);
        for (int k = 0; k < entries.size(); k++) {
            String type = entries.get(k).path("type").asText();
            if (!"thinking".equals(type) && !"redacted_thinking".equals(type)) {
                String entryParam = param + "." + FIELD + "[" + k + "].type";
                throw GatewayException.badRequest("'" + entryParam + "' must be 'thinking' or 'redacted_thinking', as the "
                        + "gateway returned them.", entryParam, "invalid_value");
            }
            out.add(entries.get(k));
        }
        return out;
    }

    /** The {@code thinking_blocks} delta of a stream: one whole block. */
    public static ObjectNode delta(ObjectNode block) {
        ObjectNode delta = Json.object();
        delta.putArray(FIELD).add(block);
        return delta;
    }
}
