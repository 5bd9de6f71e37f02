package dev.camelgateway.provider.openai;

import dev.camelgateway.provider.ContextLengthErrors;
import com.fasterxml.jackson.databind.JsonNode;
import dev.camelgateway.api.GatewayException;
import dev.camelgateway.api.Json;
import dev.camelgateway.api.OpenAiError;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Non-2xx answers of OpenAI-shaped upstreams (OpenAI, Mistral, Ollama, vLLM) → the gateway's error. Client errors
 * keep their status and the provider's reason; 429 keeps its Retry-After; server errors become 502/503/504
 * (wire-formats §5.1). Mistral's variants (top-level {@code message}, a {@code message} that is an object) are read too.
 */
public final class OpenAiErrorMapper {
    private OpenAiErrorMapper() {
    }

    public static GatewayException toGatewayException(String provider, int status, String body, Map<String, String> headers) {
        JsonNode error = parse(body);
        JsonNode detail = error.has("error") && error.get("error").isObject() ? error.get("error") : error;
        String message = text(detail.get("message"));
        if (message == null || message.isBlank()) {
            message = "HTTP " + status + " from the upstream provider";
        }
        String type = text(detail.get("type"));
        String code = text(detail.get("code"));
        String param = text(detail.get("param"));
        int gatewayStatus = toGatewayStatus(status);
        if (gatewayStatus >= 500) {
            type = OpenAiError.SERVER_ERROR;
            code = code == null ? "upstream_error" : code;
        } else if (type == null) {
            type = status == 429 ? "rate_limit_error" : OpenAiError.INVALID_REQUEST;
        }
        if (code == null && ContextLengthErrors.isContextLength(status, message)) {
            code = ContextLengthErrors.CODE; // Mistral's and vLLM's wording, without OpenAI's code
        }
        Map<String, String> extra = new LinkedHashMap<>();
        if (status == 429) {
            copy(headers, "Retry-After", extra);
            copy(headers, "retry-after-ms", extra);
        }
        return new GatewayException(gatewayStatus, new OpenAiError(provider + ": " + message, type, param, code), extra);
    }

    /** Upstream status → the status the client sees (design §4.3). */
    public static int toGatewayStatus(int status) {
        return switch (status) {
            case 503, 529 -> 503;
            case 504, 408 -> 504;
            default -> status >= 500 ? 502 : status;
        };
    }

    private static void copy(Map<String, String> from, String name, Map<String, String> to) {
        String value = from.get(name);
        if (value != null) {
            to.put(name, value);
        }
    }

    private static JsonNode parse(String body) {
        try {
            JsonNode node = body == null || body.isBlank() ? null : Json.parse(body);
            return node != null && node.isObject() ? node : Json.object();
        } catch (Exception e) {
            return Json.object().put("message", body.length() > 500 ? body.substring(0, 500) : body);
        }
    }

    private static String text(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        return node.isValueNode() ? node.asText() : Json.write(node);
    }
}
