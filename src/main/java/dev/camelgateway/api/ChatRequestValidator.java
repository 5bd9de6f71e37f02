package dev.camelgateway.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import static dev.camelgateway.api.JsonChecks.INT32_MAX;
import static dev.camelgateway.api.JsonChecks.bool;
import static dev.camelgateway.api.JsonChecks.get;
import static dev.camelgateway.api.JsonChecks.integer;
import static dev.camelgateway.api.JsonChecks.invalidType;
import static dev.camelgateway.api.JsonChecks.number;
import static dev.camelgateway.api.JsonChecks.object;
import static dev.camelgateway.api.JsonChecks.string;
import static dev.camelgateway.api.JsonChecks.strings;

/**
 * Checks every field of the OpenAI request that a provider mapper reads, with OpenAI's wording and codes, so that a
 * client gets a 400 naming the field (its whole path) instead of a mapper's crash or an upstream surprise. Fields it
 * does not know are left alone: passthrough providers forward them, the others refuse them by name.
 * Messages: {@link MessagesValidator}; tools and response formats: {@link ToolsValidator}.
 */
public final class ChatRequestValidator {
    /** Model ids are short; the ledger's model columns hold 256, and a longer value was a row it retried for ever. */

    private ChatRequestValidator() {
    }

    public static ChatRequest validate(JsonNode root) {
        ObjectNode body = JsonChecks.requestBody(root);
        requireModel(get(body, "model"));
        MessagesValidator.validate(body.get("messages"));
        streaming(body);
        generation(body);
        ToolsValidator.validate(body);
        annotations(body);
        return ChatRequest.of(body);
    }

    /** {@code model}: present, a string, not blank, at most 256 characters (every inbound API's rule). */
    /** OpenAI's own words for a request without a model. */
    public static void requireModel(JsonNode model) {
        JsonChecks.model(model, () -> GatewayException.badRequest("you must provide a model parameter", "model",
                "missing_required_parameter"));
    }

    private static void streaming(ObjectNode body) {
        bool(body, "stream", null);
        ObjectNode options = object(body, "stream_options", null);
        if (options != null) {
            bool(options, "include_usage", "stream_options");
            if (!body.path("stream").asBoolean(false)) {
                throw GatewayException.badRequest("The 'stream_options' parameter is only allowed when 'stream' is enabled.",
                        "stream_options", "invalid_value");
            }
        }
    }

    /** Sampling and length: OpenAI's integers are 32-bit, {@code seed} is 64-bit. */
    private static void generation(ObjectNode body) {
        integer(body, "max_tokens", null, 1, INT32_MAX);
        integer(body, "max_completion_tokens", null, 1, INT32_MAX);
        integer(body, "n", null, 1, INT32_MAX);
        integer(body, "seed", null, Long.MIN_VALUE, Long.MAX_VALUE);
        number(body, "temperature", null, 0, 2);
        number(body, "top_p", null, 0, 1);
        number(body, "presence_penalty", null, -2, 2);
        number(body, "frequency_penalty", null, -2, 2);
        JsonNode stop = get(body, "stop");
        if (stop != null && !stop.isTextual()) {
            if (!stop.isArray()) {
                throw invalidType("stop", "a string or an array of strings", stop);
            }
            strings(body, "stop", null);
        }
        bool(body, "logprobs", null);
        integer(body, "top_logprobs", null, 0, 20);
        ObjectNode logitBias = object(body, "logit_bias", null);
        if (logitBias != null) {
            logitBias.fieldNames().forEachRemaining(token ->
                    integer(logitBias, token, "logit_bias", -100, 100));
        }
        string(body, "reasoning_effort", null);
        strings(body, "modalities", null);
    }

    /** Who is asking and what for: forwarded (or refused by name), never interpreted. */
    private static void annotations(ObjectNode body) {
        string(body, "user", null);
        ObjectNode metadata = object(body, "metadata", null);
        if (metadata != null) {
            metadata.fieldNames().forEachRemaining(key -> string(metadata, key, "metadata"));
        }
    }
}
