package dev.camelgateway.api;

import java.util.Map;

/**
 * A failure the gateway reports to the client in OpenAI's error envelope. Thrown anywhere in the flow;
 * the error route turns it into an HTTP error (before the first byte) or an SSE error event (after it).
 */
public class GatewayException extends RuntimeException {
    private final transient OpenAiError error;
    private final int status;
    private final Map<String, String> headers;

    public GatewayException(int status, OpenAiError error) {
        this(status, error, Map.of());
    }

    public GatewayException(int status, OpenAiError error, Map<String, String> headers) {
        super(error.message());
        this.status = status;
        this.error = error;
        this.headers = Map.copyOf(headers);
    }

    public int status() {
        return status;
    }

    public OpenAiError error() {
        return error;
    }

    /** Extra response headers, e.g. {@code Retry-After}. */
    public Map<String, String> headers() {
        return headers;
    }

    public static GatewayException badRequest(String message, String param, String code) {
        return new GatewayException(400, new OpenAiError(message, OpenAiError.INVALID_REQUEST, param, code));
    }
}
