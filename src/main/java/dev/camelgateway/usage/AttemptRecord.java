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
        String errorCode,
        String upstreamRequestId) {

    /** A record without the provider's request id (an attempt that got no answer from it). */
    public AttemptRecord(String requestId, int attempt, String clientRequestId, Instant startedAt, Instant finishedAt,
                         String requestedModel, String provider, String upstreamModel, boolean stream, AttemptStatus status,
                         Usage usage, boolean estimated, Long ttftMillis, long durationMillis, Integer httpStatus,
                         String errorCode) {
        this(requestId, attempt, clientRequestId, startedAt, finishedAt, requestedModel, provider, upstreamModel, stream,
                status, usage, estimated, ttftMillis, durationMillis, httpStatus, errorCode, null);
    }

    /** {@code PROVIDER} when every count came from the provider, {@code ESTIMATED} when the gateway counted any. */
    public String usageSource() {
        return estimated ? "ESTIMATED" : "PROVIDER";
    }
}
