package dev.camelgateway.provider;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelgateway.api.GatewayException;
import dev.camelgateway.api.Json;

/** OpenAI carries tool-call arguments as a JSON string; Anthropic and Gemini want the object. Empty means {}. */
public final class ToolArguments {
    private ToolArguments() {
    }

    public static ObjectNode toObject(String arguments, String param) {
        if (arguments == null || arguments.isBlank()) {
            return Json.object();
        }
        ObjectNode object = Json.objectOrNull(arguments);
        if (object == null) {
            throw GatewayException.badRequest("Invalid '" + param + "': tool-call arguments must be a JSON object.",
                    param, "invalid_value");
        }
        return object;
    }
}
