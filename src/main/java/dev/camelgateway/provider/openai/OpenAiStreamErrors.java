package dev.camelgateway.provider.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelgateway.api.Json;
import dev.camelgateway.api.OpenAiError;
import dev.camelgateway.provider.UpstreamStreamException;

/** An {@code {"error":{…}}} event inside an OpenAI-shaped stream → the provider's own error, passed on. */
final class OpenAiStreamErrors {
    private OpenAiStreamErrors() {
    }

    static UpstreamStreamException toException(JsonNode error) {
        String message = error.isObject() ? text(error.get("message")) : text(error);
        String type = error.isObject() ? text(error.get("type")) : null;
        String code = error.isObject() ? text(error.get("code")) : null;
        return new UpstreamStreamException(502, code == null ? "upstream_error" : code,
                message == null ? "The upstream reported an error during the stream." : message,
                type == null ? OpenAiError.SERVER_ERROR : type);
    }

    private static String text(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        return node.isValueNode() ? node.asText() : Json.write(node);
    }
}
