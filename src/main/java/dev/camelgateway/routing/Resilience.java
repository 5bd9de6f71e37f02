package dev.camelgateway.routing;

import dev.camelgateway.resilience.FailureAction;
import dev.camelgateway.resilience.FailureKind;

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

    /**
     * {@code on-failure}: what each kind of failure before the first byte leads to on this deployment. Busy or broken
     * upstreams are retried here (they often pass); a silent one goes to the fallback at once (waiting again costs the
     * same budget again); a prompt too long goes to a larger-context fallback (never resent unchanged); a filtered
     * prompt is final (another model would be asked the same). The kinds not listed have a fixed action.
     */
    public static class OnFailure {
        private FailureAction rateLimited = FailureAction.RETRY;
        private FailureAction serverError = FailureAction.RETRY;
        private FailureAction connection = FailureAction.RETRY;
        private FailureAction timeout = FailureAction.FALLBACK;
        private FailureAction stall = FailureAction.FALLBACK;
        private FailureAction malformedEvent = FailureAction.FALLBACK;
        private FailureAction inBandError = FailureAction.RETRY;
        private FailureAction contextLength = FailureAction.FALLBACK;
        private FailureAction contentFilter = FailureAction.FINAL;
        private FailureAction credentialRefused = FailureAction.FALLBACK;

        /** The action for {@code kind}: configured, or fixed for the kinds without a key. */
        public FailureAction action(FailureKind kind) {
            return switch (kind) {
                case RATE_LIMITED -> rateLimited;
                case SERVER_ERROR -> serverError;
                case CONNECTION -> connection;
                case TIMEOUT -> timeout;
                case STALL -> stall;
                case MALFORMED_EVENT -> malformedEvent;
                case IN_BAND_ERROR -> inBandError;
                case CONTEXT_LENGTH -> contextLength == FailureAction.RETRY ? FailureAction.FALLBACK : contextLength;
                case CONTENT_FILTER -> contentFilter;
                case CREDENTIAL_REFUSED -> credentialRefused == FailureAction.RETRY ? FailureAction.FALLBACK : credentialRefused;
                case CIRCUIT_OPEN -> FailureAction.FALLBACK;
                case CLIENT_ERROR, MID_STREAM, CLIENT_GONE, DEADLINE, GATEWAY -> FailureAction.FINAL;
            };
        }

        public FailureAction getRateLimited() {
            return rateLimited;
        }

        public void setRateLimited(FailureAction rateLimited) {
            this.rateLimited = rateLimited;
        }

        public FailureAction getServerError() {
            return serverError;
        }

        public void setServerError(FailureAction serverError) {
            this.serverError = serverError;
        }

        public FailureAction getConnection() {
            return connection;
        }

        public void setConnection(FailureAction connection) {
            this.connection = connection;
        }

        public FailureAction getTimeout() {
            return timeout;
        }

        public void setTimeout(FailureAction timeout) {
            this.timeout = timeout;
        }

        public FailureAction getStall() {
            return stall;
        }

        public void setStall(FailureAction stall) {
            this.stall = stall;
        }

        public FailureAction getMalformedEvent() {
            return malformedEvent;
        }

        public void setMalformedEvent(FailureAction malformedEvent) {
            this.malformedEvent = malformedEvent;
        }

        public FailureAction getInBandError() {
            return inBandError;
        }

        public void setInBandError(FailureAction inBandError) {
            this.inBandError = inBandError;
        }

        public FailureAction getContextLength() {
            return contextLength;
        }

        /** retry is taken as fallback: the same prompt cannot fit the same model on a second try. */
        public void setContextLength(FailureAction contextLength) {
            this.contextLength = contextLength;
        }

        public FailureAction getContentFilter() {
            return contentFilter;
        }

        public void setContentFilter(FailureAction contentFilter) {
            this.contentFilter = contentFilter;
        }

        public FailureAction getCredentialRefused() {
            return credentialRefused;
        }

        /** retry is taken as fallback: the same credential is refused again. */
        public void setCredentialRefused(FailureAction credentialRefused) {
            this.credentialRefused = credentialRefused;
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
        private boolean requestDeadline;

        /**
         * These budgets for an attempt that must end within {@code remaining} (the request's deadline): total cut to
         * it, the others unchanged (the watchdog cuts at whichever deadline comes first).
         */
        public Timeouts within(Duration remaining) {
            if (remaining.compareTo(total) >= 0) {
                return this;
            }
            Timeouts capped = new Timeouts();
            capped.requestDeadline = true;
            capped.connect = connect;
            capped.firstEvent = firstEvent;
            capped.idle = idle;
            capped.total = remaining.isNegative() ? Duration.ZERO : remaining;
            capped.response = response;
            return capped;
        }

        /** True when {@code total} is the request's deadline (an attempt cut then is the client's budget, not the provider's fault). */
        public boolean requestDeadline() {
            return requestDeadline;
        }

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
