package dev.camelgateway.usage;

import java.time.Instant;

/** One upstream attempt, as the usage route meters it and the ledger stores it (one row each). */
public record AttemptRecord(
        String requestId,
        int attempt,
        String clientRequestId,
        Instant startedAt,
        Instant finishedAt,
        String requestedModel,
        String provider,
        String upstreamModel,
        boolean stream,
        AttemptStatus status,
        Usage usage,
        boolean estimated,
        Long ttftMillis,
        long durationMillis,
        Integer httpStatus,
        String errorCode) {

    /** {@code PROVIDER} when every count came from the provider, {@code ESTIMATED} when the gateway counted any. */
    public String usageSource() {
        return estimated ? "ESTIMATED" : "PROVIDER";
    }
}
