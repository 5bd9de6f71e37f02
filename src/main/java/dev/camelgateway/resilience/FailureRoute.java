package dev.camelgateway.resilience;

/** Where the fallback chain goes after a target failed for good. */
public enum FailureRoute {
    /** The next target of the chain (the alias's group members, then its fallbacks). */
    NEXT,
    /** The alias's next {@code context-fallbacks} target: a larger context window; none left, the answer is final. */
    LARGER_CONTEXT,
    /** No other target: the client gets this failure. */
    FINAL
}
