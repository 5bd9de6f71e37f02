package dev.camelgateway.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelgateway.api.Json;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reading what upstreams send, where anything that is not the expected JSON is an upstream protocol error. */
public final class UpstreamJson {
    private UpstreamJson() {
    }

    /** @param what names the payload in the error, e.g. "Anthropic stream event" */
    public static ObjectNode object(String text, String what) {
        ObjectNode object = Json.objectOrNull(text);
        if (object == null) {
            throw new UpstreamStreamException(UpstreamStreamException.PROTOCOL_ERROR,
                    "The upstream sent a " + what + " that is not a JSON object.");
        }
        return object;
    }

    /**
     * A stream event's data as a JSON object, before the mapper reads anything of it; anything else is a
     * {@link MalformedEventException} (which the stream may skip).
     */
    public static ObjectNode event(String data, String what) {
        ObjectNode object = Json.objectOrNull(data);
        if (object == null) {
            throw new MalformedEventException("The upstream sent a " + what + " that is not a JSON object.");
        }
        return object;
    }

    public static ObjectNode object(byte[] body, String what) {
        return object(new String(body, StandardCharsets.UTF_8), what);
    }

    /** The {@code function} objects of OpenAI {@code tools}; any other tool type goes to the unsupported-parameter policy. */
    public static List<JsonNode> functionTools(JsonNode tools, UnsupportedParameters policy) {
        List<JsonNode> functions = new ArrayList<>();
        if (tools instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                JsonNode tool = array.get(i);
                if ("function".equals(tool.path("type").asText("function"))) {
                    functions.add(tool.path("function"));
                } else {
                    policy.reject("tools[" + i + "].type=" + tool.path("type").asText());
                }
            }
        }
        return functions;
    }
}
