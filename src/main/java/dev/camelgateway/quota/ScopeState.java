package dev.camelgateway.quota;

/**
 * What the in-memory store keeps of one scope, as the Redis scripts keep it in the scope's keys: its rate buckets
 * (forgotten, i.e. full, a minute after they would be full), its active reservations with their running sums, and the
 * attempts it has settled in the last hour. Not thread-safe: {@link InMemoryQuotaStore} holds its lock.
 */
final class ScopeState {
    static final long SETTLED_MARKER_MILLIS = 3_600_000;

    /** What a reservation holds against the budgets and the tpm bucket. */
    record Held(long tokens, long costNanos) {
    }

    private TokenBucket rpm;
    private TokenBucket tpm;
    private long ratesForgottenAt;
    private final ExpiringMap<Held> reservations = new ExpiringMap<>();
    private long heldTokens;
    private long heldCostNanos;
    private final ExpiringMap<Boolean> settled = new ExpiringMap<>();

    /** Drops expired reservations (an instance that died) and settle markers older than an hour. */
    void purge(long nowMillis) {
        reservations.purge(nowMillis).forEach(this::subtract);
        settled.purge(nowMillis);
        if (nowMillis >= ratesForgottenAt) {
            rpm = null;
            tpm = null;
        }
    }

    boolean idle() {
        return rpm == null && tpm == null && reservations.size() == 0 && settled.size() == 0;
    }

    TokenBucket rpm(long capacity, long nowMillis) {
        if (rpm == null) {
            rpm = new TokenBucket(capacity, nowMillis);
        }
        rpm.refill(capacity, nowMillis);
        return rpm;
    }

    TokenBucket tpm(long capacity, long nowMillis) {
        if (tpm == null) {
            tpm = new TokenBucket(capacity, nowMillis);
        }
        tpm.refill(capacity, nowMillis);
        return tpm;
    }

    /** After a bucket changed: keep the rates until a minute after this bucket is full again (never shorter). */
    void keepRates(TokenBucket bucket, long capacity, long nowMillis) {
        ratesForgottenAt = Math.max(ratesForgottenAt, nowMillis + bucket.millisUntilFull(capacity) + (long) TokenBucket.MINUTE);
    }

    int activeReservations() {
        return reservations.size();
    }

    long heldTokens() {
        return heldTokens;
    }

    long heldCostNanos() {
        return heldCostNanos;
    }

    /** Holds a reservation until {@code expiresAt}; an id already held is replaced. */
    void reserve(String id, long expiresAt, Held held) {
        Held previous = reservations.put(id, expiresAt, held);
        if (previous != null) {
            subtract(previous);
        }
        heldTokens += held.tokens();
        heldCostNanos += held.costNanos();
    }

    /** A reservation still held lasts until {@code expiresAt} (its request is alive: an attempt just ended). */
    void extend(String id, long expiresAt) {
        reservations.extend(id, expiresAt);
    }

    /** Returns the released reservation, or null when it is not held (released already, or expired). */
    Held release(String id) {
        Held held = reservations.remove(id);
        if (held != null) {
            subtract(held);
        }
        return held;
    }

    /** Marks an attempt settled in this scope; false if it was already. */
    boolean markSettled(String attemptId, long nowMillis) {
        if (settled.contains(attemptId)) {
            return false;
        }
        settled.put(attemptId, nowMillis + SETTLED_MARKER_MILLIS, Boolean.TRUE);
        return true;
    }

    private void subtract(Held held) {
        heldTokens -= held.tokens();
        heldCostNanos -= held.costNanos();
    }
}
