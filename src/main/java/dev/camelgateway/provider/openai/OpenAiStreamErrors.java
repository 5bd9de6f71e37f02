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
        return toException(error, 502);
    }

    /** @param status the gateway's status for it (classification: 429 is rate limited, the rest server errors) */
    static UpstreamStreamException toException(JsonNode error, int status) {
        String message = error.isObject() ? text(error.get("message")) : text(error);
        String type = error.isObject() ? text(error.get("type")) : null;
        String code = error.isObject() ? text(error.get("code")) : null;
        return new UpstreamStreamException(status, code == null ? "upstream_error" : code,
                message == null ? "The upstream reported an error during the stream." : message,
                type == null ? OpenAiError.SERVER_ERROR : type);
    }

    /**
     * A Responses stream's in-band error ({@code error} event, or {@code response.failed}'s error): the status its code
     * or type implies, as an HTTP answer would have had it.
     */
    static int impliedStatus(JsonNode error) {
        String code = error.path("code").asText("");
        String type = error.path("type").asText("");
        if (code.equals("rate_limit_exceeded") || code.equals("insufficient_quota") || type.equals("rate_limit_error")
                || type.equals("tokens") || type.equals("requests")) {
            return 429;
        }
        if (code.equals("server_is_overloaded") || code.equals("slow_down")) {
            return 503;
        }
        if (type.equals("invalid_request_error") || code.equals("context_length_exceeded") || code.startsWith("invalid_")) {
            return 400;
        }
        return 500;
    }

    /** An in-band error as OpenAI's HTTP error body, {@code {"error":{message, type, param, code}}}. */
    static String envelope(JsonNode error, int status) {
        String type = text(error.get("type"));
        if (type == null || type.equals("error")) {
            type = status == 429 ? "rate_limit_error" : status < 500 ? OpenAiError.INVALID_REQUEST : OpenAiError.SERVER_ERROR;
        }
        com.fasterxml.jackson.databind.node.ObjectNode body = Json.object();
        body.putObject("error").put("message", text(error.get("message")) == null
                        ? "The upstream reported an error during the stream." : text(error.get("message")))
                .put("type", type).put("param", text(error.get("param"))).put("code", text(error.get("code")));
        return Json.write(body);
    }

    private static String text(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        return node.isValueNode() ? node.asText() : Json.write(node);
    }
}
