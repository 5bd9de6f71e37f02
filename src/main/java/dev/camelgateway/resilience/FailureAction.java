package dev.camelgateway.resilience;

/** What a failed attempt leads to ({@code on-failure.<kind>} of a deployment). */
public enum FailureAction {
    /** Tried again on the same deployment (backoff or Retry-After, up to retry.max-attempts), then the next fallback. */
    RETRY,
    /** The next fallback target at once (for context-length: the alias's next {@code context-fallbacks} target). */
    FALLBACK,
    /** The client gets the error: no other attempt. */
    FINAL
}
