package dev.camelgateway.api.responses;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelgateway.api.Bounded;
import dev.camelgateway.api.GatewayException;
import dev.camelgateway.api.JsonChecks;

import java.util.Set;

import static dev.camelgateway.api.JsonChecks.INT32_MAX;
import static dev.camelgateway.api.JsonChecks.array;
import static dev.camelgateway.api.JsonChecks.bool;
import static dev.camelgateway.api.JsonChecks.get;
import static dev.camelgateway.api.JsonChecks.integer;
import static dev.camelgateway.api.JsonChecks.invalidType;
import static dev.camelgateway.api.JsonChecks.number;
import static dev.camelgateway.api.JsonChecks.object;
import static dev.camelgateway.api.JsonChecks.string;
import static dev.camelgateway.api.JsonChecks.strings;

/**
 * Checks every field of a Responses request that the gateway or a translation reads, with OpenAI's wording, so that a
 * wrong one is a 400 naming it (its whole path, e.g. {@code input[1].content[0].text}). Input items:
 * {@link ResponsesItemsValidator}. Fields it does not know are left alone: a passthrough deployment takes them, the
 * translation refuses them by name.
 */
public final class ResponsesRequestValidator {
    /** Stored with the response: a bounded column, and OpenAI's own limit on ids. */
    static final int MAX_RESPONSE_ID = 128;
    private static final Set<String> TOOL_CHOICES = Set.of("none", "auto", "required");

    private ResponsesRequestValidator() {
    }

    public static ObjectNode validate(JsonNode root) {
        ObjectNode body = JsonChecks.requestBody(root);
        model(get(body, "model"));
        input(get(body, "input"));
        string(body, "instructions", null);
        tools(array(body, "tools", null));
        toolChoice(get(body, "tool_choice"));
        text(object(body, "text", null));
        reasoning(object(body, "reasoning", null));
        integer(body, "max_output_tokens", null, 16, INT32_MAX);
        integer(body, "top_logprobs", null, 0, 20);
        number(body, "temperature", null, 0, 2);
        number(body, "top_p", null, 0, 1);
        for (String flag : new String[] {"store", "stream", "parallel_tool_calls", "background"}) {
            bool(body, flag, null);
        }
        if (body.path("background").asBoolean(false)) {
            // only finished responses are stored: a background one could be neither polled nor cancelled
            throw GatewayException.badRequest("Background responses ('background': true) are not supported by the gateway"
                    + ": it keeps only finished responses, so one running in the background could be neither retrieved "
                    + "nor cancelled. Send the request without 'background' (stream it to see it progress).",
                    "background", "unsupported_parameter");
        }
        previousResponseId(body);
        streamOptions(body);
        metadata(object(body, "metadata", null));
        strings(body, "include", null);
        for (String field : new String[] {"user", "safety_identifier", "prompt_cache_key", "service_tier", "truncation"}) {
            string(body, field, null);
        }
        if (get(body, "conversation") != null) {
            // OpenAI's conversations belong to its account, which every gateway key shares: none is passed on
            throw GatewayException.badRequest("The gateway does not serve OpenAI conversations ('conversation'); chain "
                    + "responses with 'previous_response_id', or send the whole conversation as 'input'.",
                    "conversation", "unsupported_parameter");
        }
        UpstreamAccountReferences.refuse(body);
        return body;
    }

    private static void model(JsonNode model) {
        JsonChecks.model(model, () -> GatewayException.badRequest("Missing required parameter: 'model'.", "model",
                "missing_required_parameter"));
    }

    private static void input(JsonNode input) {
        if (input == null) {
            throw GatewayException.badRequest("Missing required parameter: 'input'.", "input", "missing_required_parameter");
        }
        if (input.isTextual()) {
            return;
        }
        if (!input.isArray()) {
            throw invalidType("input", "a string or an array of input items", input);
        }
        ResponsesItemsValidator.validate((ArrayNode) input);
    }

    private static void tools(ArrayNode tools) {
        for (int i = 0; tools != null && i < tools.size(); i++) {
            JsonNode tool = tools.get(i);
            String param = "tools[" + i + "]";
            if (!tool.isObject()) {
                throw invalidType(param, "an object", tool);
            }
            requiredString(tool, "type", param);
            if ("function".equals(tool.get("type").asText())) {
                requiredString(tool, "name", param);
                string(tool, "description", param);
                object(tool, "parameters", param);
                bool(tool, "strict", param);
            }
        }
    }

    private static void toolChoice(JsonNode choice) {
        if (choice == null) {
            return;
        }
        if (choice.isTextual()) {
            if (!TOOL_CHOICES.contains(choice.asText())) {
                throw GatewayException.badRequest("Invalid value for 'tool_choice': '" + Bounded.of(choice.asText())
                        + "'. Supported values are: 'none', 'auto' and 'required'.", "tool_choice", "invalid_value");
            }
            return;
        }
        if (!choice.isObject()) {
            throw invalidType("tool_choice", "a string or an object", choice);
        }
        requiredString(choice, "type", "tool_choice");
        if ("function".equals(choice.get("type").asText())) {
            requiredString(choice, "name", "tool_choice");
        }
    }

    private static void text(ObjectNode text) {
        if (text == null) {
            return;
        }
        string(text, "verbosity", "text");
        ObjectNode format = object(text, "format", "text");
        if (format == null) {
            return;
        }
        requiredString(format, "type", "text.format");
        String type = format.get("type").asText();
        if (!Set.of("text", "json_object", "json_schema").contains(type)) {
            throw GatewayException.badRequest("Invalid value for 'text.format.type': '" + Bounded.of(type)
                    + "'. Supported values are: 'text', 'json_object' and 'json_schema'.", "text.format.type",
                    "invalid_value");
        }
        if (type.equals("json_schema")) {
            requiredString(format, "name", "text.format");
            if (get(format, "schema") == null) {
                throw missing("text.format.schema");
            }
            object(format, "schema", "text.format");
            string(format, "description", "text.format");
            bool(format, "strict", "text.format");
        }
    }

    private static void reasoning(ObjectNode reasoning) {
        if (reasoning != null) {
            string(reasoning, "effort", "reasoning");
            string(reasoning, "summary", "reasoning");
            string(reasoning, "generate_summary", "reasoning");
        }
    }

    private static void previousResponseId(ObjectNode body) {
        string(body, "previous_response_id", null);
        JsonNode id = get(body, "previous_response_id");
        if (id != null && !ResponseIds.wellFormed(id.asText())) {
            throw GatewayException.badRequest("Invalid 'previous_response_id': '" + Bounded.of(id.asText()) + "'. Expected "
                    + "an ID of 1 to " + MAX_RESPONSE_ID + " characters that contains letters, numbers, underscores, or "
                    + "dashes, but this value contained other characters.", "previous_response_id", "invalid_value");
        }
    }

    private static void streamOptions(ObjectNode body) {
        if (object(body, "stream_options", null) != null && !body.path("stream").asBoolean(false)) {
            throw GatewayException.badRequest("The 'stream_options' parameter is only allowed when 'stream' is enabled.",
                    "stream_options", "invalid_value");
        }
    }

    /** OpenAI's limits: 16 pairs, keys up to 64 characters, values up to 512. */
    private static void metadata(ObjectNode metadata) {
        if (metadata == null) {
            return;
        }
        if (metadata.size() > 16) {
            throw GatewayException.badRequest("Invalid 'metadata': too many properties. Expected an object with at most "
                    + "16 properties, but got " + metadata.size() + " instead.", "metadata", "invalid_value");
        }
        metadata.fieldNames().forEachRemaining(key -> {
            string(metadata, key, "metadata");
            if (key.length() > 64 || metadata.get(key).asText().length() > 512) {
                throw GatewayException.badRequest("Invalid 'metadata': keys are at most 64 characters and values at most "
                        + "512.", "metadata", "invalid_value");
            }
        });
    }

    static void requiredString(JsonNode parent, String field, String prefix) {
        String param = prefix == null ? field : prefix + "." + field;
        if (get(parent, field) == null) {
            throw missing(param);
        }
        string(parent, field, prefix);
    }

    static GatewayException missing(String param) {
        return GatewayException.badRequest("Missing required parameter: '" + param + "'.", param, "missing_required_parameter");
    }
}
