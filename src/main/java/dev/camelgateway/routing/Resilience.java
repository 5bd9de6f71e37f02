package dev.camelgateway.routing;

import java.time.Duration;

/**
 * Per-provider resilience settings ({@code gateway.providers.<id>.retry|timeouts|circuit-breaker}); every field has
 * the default documented in the README, so a provider entry only names what it changes.
 */
public final class Resilience {
    private Resilience() {
    }

    /** Redelivery of an attempt that failed before anything reached the client. */
    public static class Retry {
        /** Attempts on one target, the first included. */
        private int maxAttempts = 3;
        /** Wait before the first retry; each later wait is multiplied by {@code multiplier}. */
        private Duration baseDelay = Duration.ofMillis(500);
        private double multiplier = 2.0;
        /** Longest wait the gateway sleeps; a longer Retry-After moves on to the fallback (or returns the 429). */
        private Duration maxDelay = Duration.ofSeconds(10);
        /** Random spread of each backoff wait, as a fraction (0.2 = ±20%). */
        private double jitter = 0.2;

        public int getMaxAttempts() {
            return maxAttempts;
        }

        public void setMaxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
        }

        public Duration getBaseDelay() {
            return baseDelay;
        }

        public void setBaseDelay(Duration baseDelay) {
            this.baseDelay = baseDelay;
        }

        public double getMultiplier() {
            return multiplier;
        }

        public void setMultiplier(double multiplier) {
            this.multiplier = multiplier;
        }

        public Duration getMaxDelay() {
            return maxDelay;
        }

        public void setMaxDelay(Duration maxDelay) {
            this.maxDelay = maxDelay;
        }

        public double getJitter() {
            return jitter;
        }

        public void setJitter(double jitter) {
            this.jitter = jitter;
        }
    }

    /** The budgets that keep a silent upstream from holding a client. */
    public static class Timeouts {
        /** Opening the TCP (and TLS) connection. */
        private Duration connect = Duration.ofSeconds(10);
        /** From sending the request to the first event (or the whole answer's headers): time to first token. */
        private Duration firstEvent = Duration.ofSeconds(60);
        /** Longest silence between two events of a stream once it has started. */
        private Duration idle = Duration.ofSeconds(30);
        /** The whole upstream call, first byte to last. */
        private Duration total = Duration.ofMinutes(10);
        /**
         * A non-streaming call's answer, headers and body: providers send it whole, so it comes as late as a stream's
         * last token, not its first (first-event would cut a long answer, retry it and bill it again).
         */
        private Duration response = Duration.ofMinutes(10);

        public Duration getConnect() {
            return connect;
        }

        public void setConnect(Duration connect) {
            this.connect = connect;
        }

        public Duration getFirstEvent() {
            return firstEvent;
        }

        public void setFirstEvent(Duration firstEvent) {
            this.firstEvent = firstEvent;
        }

        public Duration getIdle() {
            return idle;
        }

        public void setIdle(Duration idle) {
            this.idle = idle;
        }

        public Duration getTotal() {
            return total;
        }

        public void setTotal(Duration total) {
            this.total = total;
        }

        public Duration getResponse() {
            return response;
        }

        public void setResponse(Duration response) {
            this.response = response;
        }
    }

    /** The provider's Resilience4j circuit breaker (count-based sliding window). */
    public static class CircuitBreaker {
        /** Failure percentage over the window that opens the breaker. */
        private float failureRateThreshold = 50;
        /** Calls in the sliding window. */
        private int slidingWindowSize = 20;
        /** Calls needed before the failure rate is judged at all. */
        private int minimumNumberOfCalls = 10;
        /** How long an open breaker skips the provider before letting probe calls through. */
        private Duration waitInOpenState = Duration.ofSeconds(30);
        /** Probe calls allowed while half-open; their outcome closes or reopens the breaker. */
        private int permittedCallsInHalfOpenState = 3;

        public float getFailureRateThreshold() {
            return failureRateThreshold;
        }

        public void setFailureRateThreshold(float failureRateThreshold) {
            this.failureRateThreshold = failureRateThreshold;
        }

        public int getSlidingWindowSize() {
            return slidingWindowSize;
        }

        public void setSlidingWindowSize(int slidingWindowSize) {
            this.slidingWindowSize = slidingWindowSize;
        }

        public int getMinimumNumberOfCalls() {
            return minimumNumberOfCalls;
        }

        public void setMinimumNumberOfCalls(int minimumNumberOfCalls) {
            this.minimumNumberOfCalls = minimumNumberOfCalls;
        }

        public Duration getWaitInOpenState() {
            return waitInOpenState;
        }

        public void setWaitInOpenState(Duration waitInOpenState) {
            this.waitInOpenState = waitInOpenState;
        }

        public int getPermittedCallsInHalfOpenState() {
            return permittedCallsInHalfOpenState;
        }

        public void setPermittedCallsInHalfOpenState(int permittedCallsInHalfOpenState) {
            this.permittedCallsInHalfOpenState = permittedCallsInHalfOpenState;
        }
    }
}
