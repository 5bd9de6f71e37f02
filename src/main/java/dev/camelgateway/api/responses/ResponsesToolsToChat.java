package dev.camelgateway.api.responses;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelgateway.api.Bounded;
import dev.camelgateway.api.GatewayException;
import dev.camelgateway.api.Json;

/**
 * {@code tools}, {@code tool_choice} and {@code text} of a Responses request → Chat Completions. Function tools are
 * flat in Responses ({@code {type, name, parameters}}) and nested in Chat ({@code {type, function: {name, parameters}}});
 * built-in tools (web search, file search, code interpreter, computer use, image generation, MCP…) run inside OpenAI's
 * Responses API and have no translation: a 400 naming the type.
 */
final class ResponsesToolsToChat {
    private ResponsesToolsToChat() {
    }

    static void apply(ObjectNode body, ObjectNode chat) {
        JsonNode tools = body.get("tools");
        if (tools != null && tools.isArray() && !tools.isEmpty()) {
            chat.set("tools", toTools(tools));
        }
        JsonNode choice = body.get("tool_choice");
        if (choice != null && !choice.isNull()) {
            chat.set("tool_choice", toToolChoice(choice));
        }
        JsonNode text = body.get("text");
        if (text != null && text.isObject()) {
            JsonNode format = text.get("format");
            if (format != null && format.isObject() && !"text".equals(format.path("type").asText())) {
                chat.set("response_format", toResponseFormat((ObjectNode) format));
            }
            if (text.hasNonNull("verbosity")) {
                chat.set("verbosity", text.get("verbosity"));
            }
        }
    }

    private static ArrayNode toTools(JsonNode tools) {
        ArrayNode out = Json.MAPPER.createArrayNode();
        for (int i = 0; i < tools.size(); i++) {
            JsonNode tool = tools.get(i);
            String type = tool.path("type").asText();
            if (!"function".equals(type)) {
                throw builtIn("tools[" + i + "].type", type);
            }
            ObjectNode function = out.addObject().put("type", "function").putObject("function");
            function.set("name", tool.get("name"));
            copy(tool, function, "description");
            copy(tool, function, "parameters");
            copy(tool, function, "strict");
        }
        return out;
    }

    private static JsonNode toToolChoice(JsonNode choice) {
        if (choice.isTextual()) {
            return choice; // none, auto, required: the same words
        }
        String type = choice.path("type").asText();
        if (!"function".equals(type)) {
            throw builtIn("tool_choice.type", type);
        }
        ObjectNode named = Json.object().put("type", "function");
        named.putObject("function").set("name", choice.get("name"));
        return named;
    }

    /** {@code text.format} → {@code response_format}: JSON schemas are nested one level deeper in Chat. */
    private static ObjectNode toResponseFormat(ObjectNode format) {
        String type = format.path("type").asText();
        if ("json_object".equals(type)) {
            return Json.object().put("type", "json_object");
        }
        ObjectNode out = Json.object().put("type", "json_schema");
        ObjectNode schema = out.putObject("json_schema");
        schema.set("name", format.get("name"));
        copy(format, schema, "description");
        copy(format, schema, "schema");
        copy(format, schema, "strict");
        return out;
    }

    private static void copy(JsonNode from, ObjectNode to, String field) {
        if (from.hasNonNull(field)) {
            to.set(field, from.get(field));
        }
    }

    private static GatewayException builtIn(String param, String type) {
        return GatewayException.badRequest("The tool type '" + Bounded.of(type) + "' (" + param + ") is a built-in tool of "
                + "OpenAI's Responses API and has no Chat Completions translation: only function tools work with this "
                + "deployment; built-in tools need an OpenAI-type deployment with 'responses: passthrough'.", param,
                "unsupported_tool");
    }
}
