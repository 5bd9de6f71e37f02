package dev.camelgateway.provider.bedrock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelgateway.api.GatewayException;
import dev.camelgateway.api.Json;
import dev.camelgateway.provider.ToolChoice;
import dev.camelgateway.provider.UnsupportedParameters;
import dev.camelgateway.provider.UpstreamJson;

/**
 * {@code tools} and {@code tool_choice} → Converse's {@code toolConfig}
 * (https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_ToolConfiguration.html):
 * {@code tools[].toolSpec{name, description, inputSchema{json}}}, {@code toolChoice} auto → {@code {auto:{}}},
 * required → {@code {any:{}}}, a named function → {@code {tool:{name}}}. Converse has no "none": with
 * {@code tool_choice: none} the tools are left out, so the model cannot call one — refused (400) when the
 * conversation already holds tool calls, because Bedrock wants a toolConfig with toolUse/toolResult blocks.
 */
final class BedrockTools {
    private BedrockTools() {
    }

    static void apply(ObjectNode in, ObjectNode out, UnsupportedParameters policy) {
        ArrayNode tools = in.hasNonNull("tools") && !in.get("tools").isEmpty()
                ? toTools((ArrayNode) in.get("tools"), policy) : Json.MAPPER.createArrayNode();
        ToolChoice choice = ToolChoice.parse(in.get("tool_choice"));
        if (choice != null && choice.mode() == ToolChoice.Mode.NONE) {
            if (hasToolHistory(in.get("messages"))) {
                throw GatewayException.badRequest("Invalid 'tool_choice': Bedrock has no 'none'; the gateway leaves the "
                        + "tools out instead, which Bedrock refuses when the messages hold tool calls. Use 'auto'.",
                        "tool_choice", "invalid_value");
            }
            return;
        }
        if (tools.isEmpty()) {
            return;
        }
        ObjectNode config = out.putObject("toolConfig");
        config.set("tools", tools);
        if (choice != null) {
            config.set("toolChoice", toToolChoice(choice));
        }
    }

    /** The client field that forces a tool call (for thinking's check), or null. */
    static String forcingParam(JsonNode in) {
        ToolChoice choice = ToolChoice.parse(in.get("tool_choice"));
        return choice != null && (choice.mode() == ToolChoice.Mode.REQUIRED || choice.mode() == ToolChoice.Mode.NAMED)
                ? "tool_choice" : null;
    }

    private static ArrayNode toTools(ArrayNode tools, UnsupportedParameters policy) {
        ArrayNode out = Json.MAPPER.createArrayNode();
        for (JsonNode function : UpstreamJson.functionTools(tools, policy)) {
            ObjectNode spec = out.addObject().putObject("toolSpec").put("name", function.path("name").asText());
            if (function.hasNonNull("description")) {
                spec.put("description", function.get("description").asText());
            }
            spec.putObject("inputSchema").set("json", function.hasNonNull("parameters") ? function.get("parameters")
                    : Json.object().put("type", "object").set("properties", Json.object()));
        }
        return out;
    }

    private static ObjectNode toToolChoice(ToolChoice choice) {
        ObjectNode out = Json.object();
        switch (choice.mode()) {
            case REQUIRED -> out.putObject("any");
            case NAMED -> out.putObject("tool").put("name", choice.functionName());
            default -> out.putObject("auto");
        }
        return out;
    }

    private static boolean hasToolHistory(JsonNode messages) {
        for (JsonNode message : messages) {
            if ("tool".equals(message.path("role").asText()) || !message.path("tool_calls").isEmpty()) {
                return true;
            }
        }
        return false;
    }
}
