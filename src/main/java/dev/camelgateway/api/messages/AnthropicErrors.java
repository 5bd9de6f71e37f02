package dev.camelgateway.api.messages;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelgateway.api.Json;

/**
 * Anthropic's error envelope, {@code {"type":"error","error":{"type","message"},"request_id"}}
 * (https://docs.anthropic.com/en/api/errors), for every error on /v1/messages*: the error type follows the status as
 * Anthropic's table does, so that SDKs raise the exception they raise for Anthropic's own.
 */
public final class AnthropicErrors {
    private AnthropicErrors() {
    }

    /** The error type Anthropic answers with at this status. */
    public static String typeOf(int status) {
        return switch (status) {
            case 400 -> "invalid_request_error";
            case 401 -> "authentication_error";
            case 403 -> "permission_error";
            case 404 -> "not_found_error";
            case 413 -> "request_too_large";
            case 429 -> "rate_limit_error";
            case 503, 529 -> "overloaded_error";
            default -> status >= 500 ? "api_error" : "invalid_request_error";
        };
    }

    /** The envelope; {@code requestId} (the gateway's request id) is left out when null. */
    public static String toJson(int status, String message, String requestId) {
        ObjectNode envelope = Json.object().put("type", "error");
        envelope.putObject("error").put("type", typeOf(status)).put("message", message);
        if (requestId != null) {
            envelope.put("request_id", requestId);
        }
        return Json.write(envelope);
    }
}
