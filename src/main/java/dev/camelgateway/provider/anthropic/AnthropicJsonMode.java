package dev.camelgateway.provider.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelgateway.api.GatewayException;
import dev.camelgateway.api.Json;

/**
 * JSON mode on Anthropic, which has no {@code response_format}: the gateway adds one tool whose input schema is the
 * requested schema and forces the model to call it (the mechanism LiteLLM uses, and the one Anthropic documents for
 * JSON output through tools). The tool's input is then the answer: the response mapper returns it as the message
 * {@code content} (a JSON string) with {@code finish_reason: "stop"}, and streams its input deltas as content.
 */
final class AnthropicJsonMode {
    static final String TOOL_NAME = "json_tool_call";

    private AnthropicJsonMode() {
    }

    static boolean isRequested(JsonNode request) {
        String type = request.path("response_format").path("type").asText("text");
        return "json_object".equals(type) || "json_schema".equals(type);
    }

    static ObjectNode tool(JsonNode responseFormat) {
        ObjectNode tool = Json.object().put("name", TOOL_NAME)
                .put("description", "Respond with a JSON object that is the complete answer.");
        if ("json_schema".equals(responseFormat.path("type").asText())) {
            JsonNode schema = responseFormat.path("json_schema").get("schema");
            if (schema == null || !schema.isObject()) {
                throw GatewayException.badRequest("Invalid 'response_format': json_schema.schema must be a JSON schema object.",
                        "response_format", "invalid_value");
            }
            tool.set("input_schema", schema);
        } else {
            tool.set("input_schema", Json.object().put("type", "object"));
        }
        return tool;
    }
}
