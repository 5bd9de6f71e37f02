package dev.camelgateway.provider.gemini;

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
 * Gemini errors ({@code {"error":{"code","message","status","details"}}}) → the gateway's (wire-formats §3.5, T12).
 * The RPC status becomes {@code code}; an invalid key (a 400 upstream) is a 401; a 429's {@code RetryInfo.retryDelay}
 * becomes {@code Retry-After}, except for daily quotas, which no short wait will fix.
 */
final class GeminiErrorMapper {
    private GeminiErrorMapper() {
    }

    static GatewayException toGatewayException(String providerId, int status, String body) {
        JsonNode parsed = Json.objectOrNull(body == null ? "" : body);
        JsonNode error = parsed == null ? Json.object() : parsed.path("error");
        String rpcStatus = error.path("status").asText(null);
        String message = providerId + ": " + error.path("message").asText("HTTP " + status + " from Gemini");
        if (status == 400 && hasReason(error, "API_KEY_INVALID")) {
            return new GatewayException(401, new OpenAiError(message, "authentication_error", null, "invalid_api_key"));
        }
        int gatewayStatus = OpenAiErrorMapper.toGatewayStatus(status);
        String type = gatewayStatus >= 500 ? OpenAiError.SERVER_ERROR : status == 429 ? "rate_limit_error"
                : status == 401 ? "authentication_error" // an OAuth token refused (Vertex AI: UNAUTHENTICATED)
                : status == 403 ? "permission_error" : OpenAiError.INVALID_REQUEST;
        Map<String, String> headers = new LinkedHashMap<>();
        if (status == 429) {
            String delay = retryDelaySeconds(error);
            if (delay != null && !Json.write(error.path("details")).contains("PerDay")) {
                headers.put("Retry-After", delay);
            }
        }
        String code = ContextLengthErrors.isContextLength(status, message) ? ContextLengthErrors.CODE
                : rpcStatus == null ? "upstream_error" : rpcStatus;
        return new GatewayException(gatewayStatus, new OpenAiError(message, type, null, code), headers);
    }

    /** An error object inside a 200 stream. */
    static UpstreamStreamException toStreamException(JsonNode error) {
        int code = error.path("code").asInt(500);
        int status = code == 429 ? 429 : OpenAiErrorMapper.toGatewayStatus(code >= 500 ? code : 502);
        return new UpstreamStreamException(status, error.path("status").asText("upstream_error"),
                error.path("message").asText("Gemini reported an error during the stream."),
                code == 429 ? "rate_limit_error" : OpenAiError.SERVER_ERROR);
    }

    private static boolean hasReason(JsonNode error, String reason) {
        for (JsonNode detail : error.path("details")) {
            if (reason.equals(detail.path("reason").asText())) {
                return true;
            }
        }
        return false;
    }

    /** {@code "37s"} or {@code "1.5s"} → whole seconds, rounded up. */
    private static String retryDelaySeconds(JsonNode error) {
        for (JsonNode detail : error.path("details")) {
            String delay = detail.path("retryDelay").asText("");
            if (delay.endsWith("s")) {
                try {
                    return Long.toString((long) Math.ceil(Double.parseDouble(delay.substring(0, delay.length() - 1))));
                } catch (NumberFormatException e) {
                    return null;
                }
            }
        }
        return null;
    }
}
