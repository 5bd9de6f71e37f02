package dev.camelgateway.quota;

/**
 * A token bucket refilled continuously at {@code capacity} per minute; it may go negative (debt). The arithmetic is
 * the one of {@code quota/common.lua}, operation for operation, so both stores agree to the last bit.
 */
final class TokenBucket {
    static final double MINUTE = 60_000.0;

    private double tokens;
    private long at;

    /** A new bucket starts full. */
    TokenBucket(long capacity, long nowMillis) {
        this.tokens = capacity;
        this.at = nowMillis;
    }

    void refill(long capacity, long nowMillis) {
        if (nowMillis > at) {
            tokens = tokens + (double) (nowMillis - at) * capacity / MINUTE;
            at = nowMillis;
        }
        tokens = Math.min(tokens, capacity);
    }

    boolean holds(double wanted) {
        return tokens >= wanted;
    }

    void take(double amount) {
        tokens -= amount;
    }

    void give(double amount, long capacity) {
        tokens = Math.min(capacity, tokens + amount);
    }

    long remaining() {
        return Math.max(0, (long) Math.floor(tokens));
    }

    /** Milliseconds until the bucket holds {@code wanted} tokens, at least 1. */
    long millisUntil(double wanted, long capacity) {
        return Math.max(1, (long) Math.ceil((wanted - tokens) * MINUTE / capacity));
    }

    /** Milliseconds until the bucket is full again (0 when it is). */
    long millisUntilFull(long capacity) {
        return (long) Math.ceil((capacity - tokens) * MINUTE / capacity);
    }
}
