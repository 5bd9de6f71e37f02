package dev.camelgateway.usage;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One upstream attempt, as the usage route meters it and the ledger stores it (one row each). {@code api}: the API the
 * client spoke ({@value #DEFAULT_API} when not known, as for spool lines written before the column existed);
 * {@code keyId} and {@code team}: the caller's gateway key and its team (null without a key); {@code costUsd}: from
 * the price table (null when the model has no price or a token count is unknown); {@code clientSessionId}: the client's
 * own session id (Claude Code's {@code X-Claude-Code-Session-Id}), bounded where it entered, or null;
 * {@code malformedEvents}: stream events skipped because they were not valid JSON ({@code malformed-events: skip}).
 */
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
        String upstreamRequestId,
        String api,
        String keyId,
        String team,
        BigDecimal costUsd,
        String clientSessionId,
        int malformedEvents) {
    /** The {@code api} column's default (Chat Completions). */
    public static final String DEFAULT_API = "chat";

    public AttemptRecord {
        api = api == null ? DEFAULT_API : api;
    }

    /** A record with every stream event well-formed. */
    public AttemptRecord(String requestId, int attempt, String clientRequestId, Instant startedAt, Instant finishedAt,
                         String requestedModel, String provider, String upstreamModel, boolean stream, AttemptStatus status,
                         Usage usage, boolean estimated, Long ttftMillis, long durationMillis, Integer httpStatus,
                         String errorCode, String upstreamRequestId, String api, String keyId, String team,
                         BigDecimal costUsd, String clientSessionId) {
        this(requestId, attempt, clientRequestId, startedAt, finishedAt, requestedModel, provider, upstreamModel, stream,
                status, usage, estimated, ttftMillis, durationMillis, httpStatus, errorCode, upstreamRequestId, api, keyId,
                team, costUsd, clientSessionId, 0);
    }

    /** A record without a client session id. */
    public AttemptRecord(String requestId, int attempt, String clientRequestId, Instant startedAt, Instant finishedAt,
                         String requestedModel, String provider, String upstreamModel, boolean stream, AttemptStatus status,
                         Usage usage, boolean estimated, Long ttftMillis, long durationMillis, Integer httpStatus,
                         String errorCode, String upstreamRequestId, String api, String keyId, String team,
                         BigDecimal costUsd) {
        this(requestId, attempt, clientRequestId, startedAt, finishedAt, requestedModel, provider, upstreamModel, stream,
                status, usage, estimated, ttftMillis, durationMillis, httpStatus, errorCode, upstreamRequestId, api, keyId,
                team, costUsd, null);
    }

    /** A Chat Completions record without the provider's request id, a caller or a cost. */
    public AttemptRecord(String requestId, int attempt, String clientRequestId, Instant startedAt, Instant finishedAt,
                         String requestedModel, String provider, String upstreamModel, boolean stream, AttemptStatus status,
                         Usage usage, boolean estimated, Long ttftMillis, long durationMillis, Integer httpStatus,
                         String errorCode) {
        this(requestId, attempt, clientRequestId, startedAt, finishedAt, requestedModel, provider, upstreamModel, stream,
                status, usage, estimated, ttftMillis, durationMillis, httpStatus, errorCode, null, null, null, null, null, null);
    }

    /** {@code PROVIDER} when every count came from the provider, {@code ESTIMATED} when the gateway counted any. */
    public String usageSource() {
        return estimated ? "ESTIMATED" : "PROVIDER";
    }

    /** The attempt's id for the quota store's settled set: {@code request_id#attempt}. */
    public String attemptId() {
        return requestId + "#" + attempt;
    }
}
