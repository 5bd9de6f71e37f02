package dev.camelgateway.usage;

/** How an upstream attempt ended, as the ledger records it (design.md §4.4). */
public enum AttemptStatus {
    /** The answer arrived whole. */
    COMPLETE,
    /** A stream broke after tokens were produced. */
    PARTIAL,
    /** The attempt failed before producing anything for the client. */
    FAILED,
    /** The client went away while the attempt was running. */
    CLIENT_ABORTED
}
