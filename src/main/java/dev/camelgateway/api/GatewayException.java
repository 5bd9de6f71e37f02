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
    private final String upstreamApi;
    private final String upstreamBody;

    public GatewayException(int status, OpenAiError error) {
        this(status, error, Map.of());
    }

    public GatewayException(int status, OpenAiError error, Map<String, String> headers) {
        this(status, error, headers, null, null);
    }

    private GatewayException(int status, OpenAiError error, Map<String, String> headers, String upstreamApi,
                             String upstreamBody) {
        super(error.message());
        this.status = status;
        this.error = error;
        this.headers = Map.copyOf(headers);
        this.upstreamApi = upstreamApi;
        this.upstreamBody = upstreamBody;
    }

    /**
     * This error as a passthrough upstream sent it: its status, and its body for a client speaking the upstream's own
     * API ({@code api}), who gets it unmodified (keys masked) — Claude Code's recovery, for one, matches on Anthropic's
     * wording. Clients of any other API get {@link #error()} in their envelope. This error is its cause, so that
     * classification and retries see what it is (an in-band stream error, say) as before.
     */
    public GatewayException asSentBy(String api, int upstreamStatus, String body) {
        GatewayException sent = new GatewayException(upstreamStatus, error, headers, api, body);
        sent.initCause(this);
        return sent;
    }

    /** The upstream's own error body when the client speaks {@code api}, the upstream's API; otherwise null. */
    public String upstreamBody(String api) {
        return upstreamBody != null && upstreamApi.equals(api) ? upstreamBody : null;
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
