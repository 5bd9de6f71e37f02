package dev.camelgateway.quota;

/**
 * A store's answer to a request asking to start: admitted with the rate status of its scopes, or refused by the first
 * limit it would pass, with how long until it would not.
 */
public sealed interface Admission {

    /** The requests and tokens left in the tightest scope's buckets (null fields: that scope has no such limit). */
    record RateStatus(Long limitRequests, Long remainingRequests, Long resetRequestsMillis, Long limitTokens,
                      Long remainingTokens, Long resetTokensMillis) {
        public static final RateStatus NONE = new RateStatus(null, null, null, null, null, null);
    }

    record Admitted(RateStatus status) implements Admission {
    }

    /** {@code scopeId} is the scope whose limit refused; {@code retryAfterMillis} when it would admit (≥ 1). */
    record Refused(String scopeId, Limit limit, long retryAfterMillis, RateStatus status) implements Admission {
    }

    enum Limit {
        RPM, TPM, PARALLEL, DAILY_TOKENS, MONTHLY_TOKENS, DAILY_USD, MONTHLY_USD;

        public boolean budget() {
            return ordinal() >= DAILY_TOKENS.ordinal();
        }
    }
}
