package dev.camelgateway.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import static dev.camelgateway.api.JsonChecks.array;
import static dev.camelgateway.api.JsonChecks.bool;
import static dev.camelgateway.api.JsonChecks.get;
import static dev.camelgateway.api.JsonChecks.invalidType;
import static dev.camelgateway.api.JsonChecks.object;
import static dev.camelgateway.api.JsonChecks.string;

/**
 * {@code tools}, {@code tool_choice}, {@code parallel_tool_calls} and {@code response_format}: the shapes the
 * translating mappers read. JSON schemas inside them ({@code parameters}, {@code json_schema.schema}) are only checked
 * to be objects; their contents are the client's and travel as they are.
 */
final class ToolsValidator {
    private ToolsValidator() {
    }

    static void validate(ObjectNode body) {
        tools(array(body, "tools", null));
        toolChoice(get(body, "tool_choice"));
        bool(body, "parallel_tool_calls", null);
        responseFormat(object(body, "response_format", null));
    }

    private static void tools(ArrayNode tools) {
        for (int i = 0; tools != null && i < tools.size(); i++) {
            JsonNode tool = tools.get(i);
            String param = "tools[" + i + "]";
            if (!tool.isObject()) {
                throw invalidType(param, "an object", tool);
            }
            string(tool, "type", param);
            ObjectNode function = object(tool, "function", param);
            if (function != null) {
                string(function, "name", param + ".function");
                string(function, "description", param + ".function");
                object(function, "parameters", param + ".function");
                bool(function, "strict", param + ".function");
            }
        }
    }

    private static void toolChoice(JsonNode choice) {
        if (choice == null || choice.isTextual()) {
            return;
        }
        if (!choice.isObject()) {
            throw invalidType("tool_choice", "a string or an object", choice);
        }
        string(choice, "type", "tool_choice");
        ObjectNode function = object(choice, "function", "tool_choice");
        if (function != null) {
            string(function, "name", "tool_choice.function");
        }
    }

    private static void responseFormat(ObjectNode format) {
        if (format == null) {
            return;
        }
        string(format, "type", "response_format");
        ObjectNode schema = object(format, "json_schema", "response_format");
        if (schema != null) {
            string(schema, "name", "response_format.json_schema");
            string(schema, "description", "response_format.json_schema");
            object(schema, "schema", "response_format.json_schema");
            bool(schema, "strict", "response_format.json_schema");
        }
    }
}
