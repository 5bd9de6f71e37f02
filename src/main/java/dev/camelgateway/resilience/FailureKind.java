package dev.camelgateway.resilience;

/**
 * What went wrong with an upstream attempt. What follows from it — retried on the same deployment, the next fallback,
 * or the client's answer — is the deployment's {@code on-failure} table ({@link FailureAction}, {@code
 * Resilience.OnFailure}) for the kinds it names, and fixed for the others; whether it counts against the provider's
 * circuit breaker is the kind's own.
 */
public enum FailureKind {
    /** 429: the provider is healthy but busy. */
    RATE_LIMITED(false),
    /** 408, 5xx, 529, or a stream that broke before the first byte reached the client. */
    SERVER_ERROR(true),
    /** Refused, reset, or closed before the response headers. */
    CONNECTION(true),
    /** No first event (or whole answer) within its budget, or no connection within the connect budget. */
    TIMEOUT(true),
    /** The stream went silent longer than timeouts.idle before anything reached the client. */
    STALL(true),
    /** An event that is not valid JSON, or an impossible sequence (before the first byte, on a strict deployment). */
    MALFORMED_EVENT(true),
    /** The provider's own error event in the stream (Anthropic's overloaded_error, a Gemini error chunk). */
    IN_BAND_ERROR(true),
    /** The prompt is longer than the model's context window ({@code context_length_exceeded}). */
    CONTEXT_LENGTH(false),
    /** The provider's content filter refused the prompt. */
    CONTENT_FILTER(false),
    /** The provider refused the gateway's own credential (401/403): for the operator to fix, not the client. */
    CREDENTIAL_REFUSED(false),
    /** The provider's breaker is open: it is skipped without a call. Always the next fallback. */
    CIRCUIT_OPEN(false),
    /** 400, 404, 413, 422 and refusals by the gateway's own mappers: the request itself is the problem. Always final. */
    CLIENT_ERROR(false),
    /** After the first byte: nothing can be retried, the stream ends with an error event. Always final. */
    MID_STREAM(true),
    /** The client went away: nothing more is attempted. */
    CLIENT_GONE(false),
    /** The request's own deadline (gateway.request-timeout) ran out: final, and not counted against the provider. */
    DEADLINE(false),
    /** A failure inside the gateway. Always final. */
    GATEWAY(false);

    private final boolean countsAgainstProvider;

    FailureKind(boolean countsAgainstProvider) {
        this.countsAgainstProvider = countsAgainstProvider;
    }

    public boolean countsAgainstProvider() {
        return countsAgainstProvider;
    }
}
