package dev.camelgateway.provider.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelgateway.api.Json;
import dev.camelgateway.provider.ToolChoice;
import dev.camelgateway.provider.UpstreamJson;
import dev.camelgateway.provider.UnsupportedParameters;

/** {@code tools} and {@code tool_choice} → Gemini {@code tools.functionDeclarations} and {@code toolConfig} (T17). */
final class GeminiTools {
    private GeminiTools() {
    }

    static void apply(ObjectNode in, ObjectNode out, UnsupportedParameters policy) {
        if (in.path("parallel_tool_calls").isBoolean() && !in.get("parallel_tool_calls").asBoolean()) {
            policy.reject("parallel_tool_calls"); // Gemini cannot be told to call at most one function
        }
        JsonNode tools = in.get("tools");
        if (tools != null && tools.isArray() && !tools.isEmpty()) {
            ArrayNode declarations = Json.MAPPER.createArrayNode();
            for (JsonNode function : UpstreamJson.functionTools(tools, policy)) {
                ObjectNode declaration = declarations.addObject().put("name", function.path("name").asText());
                if (function.hasNonNull("description")) {
                    declaration.put("description", function.get("description").asText());
                }
                if (function.hasNonNull("parameters")) {
                    declaration.set("parameters", GeminiSchemas.toGeminiSchema(function.get("parameters")));
                }
            }
            out.putArray("tools").addObject().set("functionDeclarations", declarations);
        }
        ObjectNode calling = toFunctionCallingConfig(in.get("tool_choice"));
        if (calling != null) {
            out.putObject("toolConfig").set("functionCallingConfig", calling);
        }
    }

    private static ObjectNode toFunctionCallingConfig(JsonNode json) {
        ToolChoice choice = ToolChoice.parse(json);
        if (choice == null) {
            return null;
        }
        ObjectNode config = Json.object().put("mode", switch (choice.mode()) {
            case AUTO -> "AUTO";
            case NONE -> "NONE";
            case REQUIRED, NAMED -> "ANY";
        });
        if (choice.mode() == ToolChoice.Mode.NAMED) {
            config.putArray("allowedFunctionNames").add(choice.functionName());
        }
        return config;
    }
}
