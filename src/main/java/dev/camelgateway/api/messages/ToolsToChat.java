package dev.camelgateway.api.messages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelgateway.api.Bounded;
import dev.camelgateway.api.Json;

/**
 * Anthropic tools → Chat Completions function tools. A custom tool is a function ({@code input_schema} →
 * {@code parameters}); a server or built-in tool (web search, code execution, bash, text editor, computer use: any
 * other {@code type}) runs at Anthropic, so no other deployment can serve it (400 naming the type). {@code tool_choice}:
 * auto → "auto", any → "required", tool → that function, none → "none"; {@code disable_parallel_tool_use} →
 * {@code parallel_tool_calls: false}.
 */
final class ToolsToChat {
    private ToolsToChat() {
    }

    static void apply(ObjectNode in, ObjectNode out) {
        JsonNode tools = in.get("tools");
        if (tools == null || !tools.isArray() || tools.isEmpty()) {
            return;
        }
        ArrayNode functions = out.putArray("tools");
        for (int i = 0; i < tools.size(); i++) {
            functions.add(toFunction(tools.get(i), "tools[" + i + "]"));
        }
        JsonNode choice = in.get("tool_choice");
        if (choice == null || !choice.isObject()) {
            return;
        }
        String type = choice.path("type").asText();
        switch (type) {
            case "auto" -> out.put("tool_choice", "auto");
            case "any" -> out.put("tool_choice", "required");
            case "none" -> out.put("tool_choice", "none");
            case "tool" -> out.putObject("tool_choice").put("type", "function").putObject("function")
                    .put("name", choice.path("name").asText());
            default -> throw new IllegalArgumentException("tool_choice.type " + type + " passed validation");
        }
        if (!"none".equals(type) && choice.path("disable_parallel_tool_use").asBoolean(false)) {
            out.put("parallel_tool_calls", false);
        }
    }

    private static ObjectNode toFunction(JsonNode tool, String param) {
        if (!ContentBlocks.isCustomTool(tool)) {
            throw Untranslatable.content("The tool type '" + Bounded.of(tool.path("type").asText()) + "' (run by "
                    + "Anthropic's servers)", param + ".type");
        }
        ObjectNode out = Json.object().put("type", "function");
        ObjectNode function = out.putObject("function").put("name", tool.path("name").asText());
        if (tool.hasNonNull("description")) {
            function.put("description", tool.get("description").asText());
        }
        function.set("parameters", tool.get("input_schema").deepCopy());
        if (tool.path("strict").isBoolean()) {
            function.put("strict", tool.get("strict").asBoolean());
        }
        return out;
    }
}
