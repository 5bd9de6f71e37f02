package dev.camelgateway.provider.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelgateway.api.Json;
import dev.camelgateway.provider.ToolChoice;
import dev.camelgateway.provider.UpstreamJson;
import dev.camelgateway.provider.UnsupportedParameters;

/**
 * {@code tools}, {@code tool_choice}, {@code parallel_tool_calls} and {@code response_format} → Anthropic's
 * {@code tools} and {@code tool_choice} (wire-formats §2.2, T05).
 */
final class AnthropicTools {
    private AnthropicTools() {
    }

    static void apply(ObjectNode in, ObjectNode out, UnsupportedParameters policy) {
        if (in.hasNonNull("tools") && !in.get("tools").isEmpty()) {
            out.set("tools", toTools((ArrayNode) in.get("tools"), policy));
        }
        ObjectNode choice = toToolChoice(in.get("tool_choice"));
        if (in.path("parallel_tool_calls").isBoolean() && !in.get("parallel_tool_calls").asBoolean()
                && out.has("tools") && (choice == null || !"none".equals(choice.path("type").asText()))) {
            choice = choice == null ? Json.object().put("type", "auto") : choice;
            choice.put("disable_parallel_tool_use", true);
        }
        if (AnthropicJsonMode.isRequested(in)) {
            if (out.has("tools")) {
                policy.reject("response_format"); // the forced JSON tool would keep the model from calling the client's tools
                return;
            }
            out.putArray("tools").add(AnthropicJsonMode.tool(in.get("response_format")));
            choice = Json.object().put("type", "tool").put("name", AnthropicJsonMode.TOOL_NAME);
        }
        if (choice != null) {
            out.set("tool_choice", choice);
        }
    }

    /** Function tools keep name, description and their JSON schema as {@code input_schema}; {@code strict} has no equivalent. */
    private static ArrayNode toTools(ArrayNode tools, UnsupportedParameters policy) {
        ArrayNode out = Json.MAPPER.createArrayNode();
        for (JsonNode function : UpstreamJson.functionTools(tools, policy)) {
            ObjectNode t = out.addObject().put("name", function.path("name").asText());
            if (function.hasNonNull("description")) {
                t.put("description", function.get("description").asText());
            }
            t.set("input_schema", function.hasNonNull("parameters") ? function.get("parameters")
                    : Json.object().put("type", "object").set("properties", Json.object()));
        }
        return out;
    }

    private static ObjectNode toToolChoice(JsonNode json) {
        ToolChoice choice = ToolChoice.parse(json);
        if (choice == null) {
            return null;
        }
        return switch (choice.mode()) {
            case AUTO -> Json.object().put("type", "auto");
            case NONE -> Json.object().put("type", "none");
            case REQUIRED -> Json.object().put("type", "any");
            case NAMED -> Json.object().put("type", "tool").put("name", choice.functionName());
        };
    }
}
