package dev.camelgateway.resilience;

/**
 * What went wrong with an upstream attempt, and what follows from it: retried on the same target, handed to the next
 * fallback target, counted against the provider's circuit breaker.
 */
public enum FailureKind {
    /** 429: the provider is healthy but busy. */
    RATE_LIMITED(true, true, false),
    /** 408, 5xx, 529, an in-band error or a broken stream before the first byte. */
    SERVER_ERROR(true, true, true),
    /** No first event (or answer) within the first-event budget, or no connection within the connect budget. */
    TIMEOUT(true, true, true),
    /** Refused, reset, or closed before the response headers. */
    CONNECTION(true, true, true),
    /** The provider's breaker is open: it is skipped without a call. */
    CIRCUIT_OPEN(false, true, false),
    /** 400, 401, 403, 404, 413, 422 and refusals by the gateway's own mappers: the request itself is the problem. */
    CLIENT_ERROR(false, false, false),
    /** After the first byte: nothing can be retried, the stream ends with an error event. */
    MID_STREAM(false, false, true),
    /** The client went away. */
    CLIENT_GONE(false, false, false),
    /** A failure inside the gateway. */
    GATEWAY(false, false, false);

    private final boolean retryable;
    private final boolean fallbackAllowed;
    private final boolean countsAgainstProvider;

    FailureKind(boolean retryable, boolean fallbackAllowed, boolean countsAgainstProvider) {
        this.retryable = retryable;
        this.fallbackAllowed = fallbackAllowed;
        this.countsAgainstProvider = countsAgainstProvider;
    }

    public boolean retryable() {
        return retryable;
    }

    public boolean fallbackAllowed() {
        return fallbackAllowed;
    }

    public boolean countsAgainstProvider() {
        return countsAgainstProvider;
    }
}
