package dev.camelgateway.provider.bedrock;

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
 * Bedrock errors → the gateway's (https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_Converse.html#API_runtime_Converse_Errors):
 * a JSON {@code {"message"}} body, the error's name in the {@code x-amzn-ErrorType} header
 * ({@code ThrottlingException:http://internal.amazon.com/coral/com.amazon.bedrock/}). The name (before ':') becomes
 * {@code code}; statuses as Bedrock sends them (429 Throttling, 400 Validation, 403 AccessDenied, 404
 * ResourceNotFound, 408 ModelTimeout, 424 ModelError, 500 InternalServer, 503 ServiceUnavailable and ModelNotReady)
 * through the shared status table ({@link OpenAiErrorMapper#toGatewayStatus}: 408 → 504, 5xx → 502/503); a
 * validation error about the input's length → {@code context_length_exceeded}, as OpenAI names it. 429 keeps
 * Retry-After.
 */
final class BedrockErrorMapper {
    private BedrockErrorMapper() {
    }

    static GatewayException toGatewayException(String providerId, int status, String body, Map<String, String> headers) {
        JsonNode parsed = Json.objectOrNull(body == null ? "" : body);
        JsonNode error = parsed == null ? Json.object() : parsed;
        String name = errorName(headers.get("x-amzn-ErrorType"), error);
        String message = error.path("message").asText(error.path("Message").asText("HTTP " + status + " from Bedrock"));
        int canonical = message.indexOf("The Canonical String"); // a signature mismatch quotes the signed headers
        if (canonical >= 0) { // (x-amz-security-token among them): never passed on, never logged
            message = message.substring(0, canonical).strip();
        }
        int gatewayStatus = OpenAiErrorMapper.toGatewayStatus(status);
        String type = gatewayStatus >= 500 ? OpenAiError.SERVER_ERROR
                : status == 429 ? "rate_limit_error" : status == 401 || status == 403 && isAuth(name) ? "authentication_error"
                : status == 403 ? "permission_error" : OpenAiError.INVALID_REQUEST;
        String code = ContextLengthErrors.isContextLength(status, message) ? ContextLengthErrors.CODE
                : name == null ? "upstream_error" : name;
        Map<String, String> extra = new LinkedHashMap<>();
        if (status == 429 && headers.get("retry-after") != null) {
            extra.put("Retry-After", headers.get("retry-after"));
        }
        return new GatewayException(gatewayStatus, new OpenAiError(providerId + ": " + message, type, null, code), extra);
    }

    /**
     * An exception frame inside a 200 ConverseStream ({@code :exception-type}). Throttling is a 429 (retried like
     * one while nothing reached the client); the others by their HTTP status, as the whole answer would have had.
     */
    static UpstreamStreamException toStreamException(String exceptionType, String payload) {
        JsonNode parsed = Json.objectOrNull(payload == null ? "" : payload);
        String message = parsed == null ? "Bedrock reported " + exceptionType + "."
                : parsed.path("message").asText(parsed.path("Message").asText("Bedrock reported " + exceptionType + "."));
        int status = switch (exceptionType) {
            case "throttlingException" -> 429;
            case "validationException" -> 400;
            case "serviceUnavailableException" -> 503;
            default -> 502; // modelStreamErrorException, internalServerException, modelTimeoutException
        };
        String type = status == 429 ? "rate_limit_error" : status == 400 ? OpenAiError.INVALID_REQUEST : OpenAiError.SERVER_ERROR;
        String code = ContextLengthErrors.isContextLength(status, message) ? ContextLengthErrors.CODE : exceptionType;
        return new UpstreamStreamException(status, code, "Bedrock: " + message, type);
    }

    /** {@code ThrottlingException:http://…} → {@code ThrottlingException}; the body's {@code __type} otherwise. */
    private static String errorName(String header, JsonNode error) {
        String raw = header != null && !header.isBlank() ? header : error.path("__type").asText(null);
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String name = raw.contains(":") ? raw.substring(0, raw.indexOf(':')) : raw;
        name = name.contains("#") ? name.substring(name.indexOf('#') + 1) : name;
        return name.replaceAll("[^A-Za-z0-9_]", "");
    }

    private static boolean isAuth(String name) {
        return name != null && (name.startsWith("UnrecognizedClient") || name.startsWith("InvalidSignature")
                || name.startsWith("ExpiredToken") || name.startsWith("IncompleteSignature"));
    }
}
