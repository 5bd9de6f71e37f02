package dev.camelgateway.provider.anthropic;

import dev.camelgateway.provider.ContextLengthErrors;
import com.fasterxml.jackson.databind.JsonNode;
import dev.camelgateway.api.GatewayException;
import dev.camelgateway.api.Json;
import dev.camelgateway.api.OpenAiError;
import dev.camelgateway.provider.UpstreamStreamException;
import dev.camelgateway.provider.openai.OpenAiErrorMapper;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Anthropic errors ({@code {"type":"error","error":{"type","message"}}}, https://docs.anthropic.com/en/api/errors) →
 * the gateway's. The Anthropic error type becomes {@code code}; 529 overloaded → 503; 429 keeps retry-after.
 */
final class AnthropicErrorMapper {
    private AnthropicErrorMapper() {
    }

    static GatewayException toGatewayException(String providerId, int status, String body, Map<String, String> headers) {
        JsonNode parsed = Json.objectOrNull(body == null ? "" : body);
        JsonNode error = parsed == null ? Json.object() : parsed.path("error");
        String type = error.path("type").asText(null);
        String message = error.path("message").asText("HTTP " + status + " from Anthropic");
        int gatewayStatus = OpenAiErrorMapper.toGatewayStatus(status);
        String openAiType = gatewayStatus >= 500 ? OpenAiError.SERVER_ERROR
                : status == 429 ? "rate_limit_error" : status == 401 ? "authentication_error"
                : status == 403 ? "permission_error" : OpenAiError.INVALID_REQUEST;
        Map<String, String> extra = new LinkedHashMap<>();
        if (status == 429 && headers.get("retry-after") != null) {
            extra.put("Retry-After", headers.get("retry-after"));
        }
        String code = ContextLengthErrors.isContextLength(status, message) ? ContextLengthErrors.CODE
                : type == null ? "upstream_error" : type;
        return new GatewayException(gatewayStatus, new OpenAiError(providerId + ": " + message, openAiType, null, code), extra);
    }

    /**
     * The HTTP status Anthropic answers an error type with (https://docs.anthropic.com/en/api/errors): what a
     * passthrough client is told when an {@code event: error} came before anything reached it.
     */
    static int toHttpStatus(String type) {
        return switch (type == null ? "" : type) {
            case "invalid_request_error" -> 400;
            case "authentication_error" -> 401;
            case "permission_error" -> 403;
            case "not_found_error" -> 404;
            case "request_too_large" -> 413;
            case "rate_limit_error" -> 429;
            case "timeout_error" -> 504;
            case "overloaded_error" -> 529;
            default -> 500;
        };
    }

    /** An {@code event: error} inside a 200 stream (e.g. overloaded_error, which would have been a 529). */
    static UpstreamStreamException toStreamException(JsonNode error) {
        String type = error.path("type").asText("upstream_error");
        int status = "overloaded_error".equals(type) ? 503 : "rate_limit_error".equals(type) ? 429 : 502;
        return new UpstreamStreamException(status, type, error.path("message").asText("Anthropic reported an error."),
                status == 429 ? "rate_limit_error" : OpenAiError.SERVER_ERROR);
    }
}
