package dev.camelgateway.quota;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/** {@code gateway.quota.*}: where limits are counted, and what happens when that store is down. */
@ConfigurationProperties(prefix = "gateway.quota")
public class QuotaProperties {
    /** Empty: counters in this instance's memory (one instance). redis://host:6379[/db]: shared by every instance. */
    private String redisUrl = "";
    /** Prefix of every Redis key the gateway writes (several gateways, or other programs, may share a Redis). */
    private String redisKeyPrefix = "cgw:";
    /** Longest wait for a Redis answer before the store counts as down (the fail modes below apply). */
    private Duration redisTimeout = Duration.ofMillis(500);
    /** A request's reservation (its parallel slot and estimate) lapses after this if its instance never ends it. */
    private Duration reservationTtl = Duration.ofMinutes(15);
    /** Tokens reserved for the answer of a request that names no max_tokens (per choice). */
    private long completionReserve = 1024;
    /** When the store is down: budgets refuse (closed) or admit (open); rate limits likewise. */
    private FailMode budgetsWhenDown = FailMode.CLOSED;
    private FailMode rateLimitsWhenDown = FailMode.OPEN;

    public enum FailMode { OPEN, CLOSED }

    public String getRedisUrl() {
        return redisUrl;
    }

    public void setRedisUrl(String redisUrl) {
        this.redisUrl = redisUrl;
    }

    public String getRedisKeyPrefix() {
        return redisKeyPrefix;
    }

    public void setRedisKeyPrefix(String redisKeyPrefix) {
        this.redisKeyPrefix = redisKeyPrefix;
    }

    public Duration getRedisTimeout() {
        return redisTimeout;
    }

    public void setRedisTimeout(Duration redisTimeout) {
        this.redisTimeout = redisTimeout;
    }

    public Duration getReservationTtl() {
        return reservationTtl;
    }

    public void setReservationTtl(Duration reservationTtl) {
        this.reservationTtl = reservationTtl;
    }

    public long getCompletionReserve() {
        return completionReserve;
    }

    public void setCompletionReserve(long completionReserve) {
        this.completionReserve = completionReserve;
    }

    public FailMode getBudgetsWhenDown() {
        return budgetsWhenDown;
    }

    public void setBudgetsWhenDown(FailMode budgetsWhenDown) {
        this.budgetsWhenDown = budgetsWhenDown;
    }

    public FailMode getRateLimitsWhenDown() {
        return rateLimitsWhenDown;
    }

    public void setRateLimitsWhenDown(FailMode rateLimitsWhenDown) {
        this.rateLimitsWhenDown = rateLimitsWhenDown;
    }
}
