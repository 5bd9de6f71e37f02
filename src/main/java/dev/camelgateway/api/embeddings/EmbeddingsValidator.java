package dev.camelgateway.api.embeddings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelgateway.api.Bounded;
import dev.camelgateway.api.ChatRequestValidator;
import dev.camelgateway.api.GatewayException;
import dev.camelgateway.api.JsonChecks;

import java.util.Set;

import static dev.camelgateway.api.JsonChecks.INT32_MAX;
import static dev.camelgateway.api.JsonChecks.get;
import static dev.camelgateway.api.JsonChecks.integer;
import static dev.camelgateway.api.JsonChecks.invalidType;
import static dev.camelgateway.api.JsonChecks.string;

/**
 * Checks an OpenAI embeddings request (https://platform.openai.com/docs/api-reference/embeddings/create) with OpenAI's
 * wording, so that a wrong field is a 400 naming it: {@code model}; {@code input} as a string, an array of strings, an
 * array of token ids or an array of such arrays, never empty, at most {@value #MAX_INPUTS} inputs;
 * {@code encoding_format} float or base64; {@code dimensions} a positive integer; {@code user} a string. Fields it does
 * not know are left alone, as for chat: OpenAI-type deployments get them, the others refuse them by name.
 */
public final class EmbeddingsValidator {
    /** OpenAI's limit of inputs per request. */
    static final int MAX_INPUTS = 2048;
    private static final Set<String> ENCODING_FORMATS = Set.of("float", "base64");
    private static final String INPUT_FORMS = "a string, an array of strings, an array of integers or an array of "
            + "arrays of integers";

    private EmbeddingsValidator() {
    }

    public static ObjectNode validate(JsonNode root) {
        ObjectNode body = JsonChecks.requestBody(root);
        ChatRequestValidator.requireModel(get(body, "model"));
        input(get(body, "input"));
        encodingFormat(get(body, "encoding_format"));
        integer(body, "dimensions", null, 1, INT32_MAX);
        string(body, "user", null);
        return body;
    }

    private static void input(JsonNode input) {
        if (input == null) {
            throw GatewayException.badRequest("you must provide an input parameter", "input", "missing_required_parameter");
        }
        if (input.isTextual()) {
            text(input, "input");
            return;
        }
        if (!(input instanceof ArrayNode inputs)) {
            throw invalidType("input", INPUT_FORMS, input);
        }
        notEmpty(inputs, "input");
        JsonNode first = inputs.get(0);
        if (first.isIntegralNumber()) {
            tokenIds(inputs, "input"); // one input: its length is the model's context for the upstream to judge
            return;
        }
        if (inputs.size() > MAX_INPUTS) {
            throw GatewayException.badRequest("Invalid 'input': array too long. Expected an array with maximum length "
                    + MAX_INPUTS + ", but got an array with length " + inputs.size() + " instead.", "input",
                    "array_above_max_length");
        }
        for (int i = 0; i < inputs.size(); i++) {
            JsonNode element = inputs.get(i);
            String param = "input[" + i + "]";
            if (first.isTextual()) {
                if (!element.isTextual()) {
                    throw invalidType(param, "a string", element);
                }
                text(element, param);
            } else if (first.isArray()) {
                if (!(element instanceof ArrayNode ids)) {
                    throw invalidType(param, "an array of integers", element);
                }
                tokenIds(ids, param);
            } else {
                throw invalidType(param, "a string, an integer or an array of integers", element);
            }
        }
    }

    private static void text(JsonNode text, String param) {
        if (text.asText().isEmpty()) {
            throw GatewayException.badRequest("Invalid '" + param + "': empty string. Expected a non-empty string.", param,
                    "invalid_value");
        }
    }

    private static void tokenIds(ArrayNode ids, String param) {
        notEmpty(ids, param);
        for (int i = 0; i < ids.size(); i++) {
            JsonNode id = ids.get(i);
            if (!id.isIntegralNumber()) {
                throw invalidType(param + "[" + i + "]", "an integer", id);
            }
            if (!id.canConvertToLong() || id.asLong() < 0 || id.asLong() > INT32_MAX) {
                throw GatewayException.badRequest("Invalid '" + param + "[" + i + "]': a token id is between 0 and "
                        + INT32_MAX + ", but got " + Bounded.of(id.asText()) + " instead.", param + "[" + i + "]",
                        "invalid_value");
            }
        }
    }

    private static void notEmpty(ArrayNode array, String param) {
        if (array.isEmpty()) {
            throw GatewayException.badRequest("Invalid '" + param + "': empty array. Expected an array with minimum length 1, "
                    + "but got an empty array instead.", param, "empty_array");
        }
    }

    private static void encodingFormat(JsonNode format) {
        if (format == null) {
            return;
        }
        if (!format.isTextual()) {
            throw invalidType("encoding_format", "a string", format);
        }
        if (!ENCODING_FORMATS.contains(format.asText())) {
            throw GatewayException.badRequest("Invalid 'encoding_format': expected 'float' or 'base64', but got '"
                    + Bounded.of(format.asText()) + "' instead.", "encoding_format", "invalid_value");
        }
    }
}
