package dev.camelgateway.quota;

import java.math.BigDecimal;

/**
 * What one key or one team may use; a null field is no limit. Rates are token buckets (a full minute's worth may be
 * spent at once, then it refills evenly); budgets are per UTC day and month, in tokens (prompt + completion) and/or
 * USD (from the price table); parallel requests are counted from admission to the end of the request.
 */
public record Limits(Long rpm, Long tpm, Integer maxParallelRequests, Long dailyBudgetTokens, Long monthlyBudgetTokens,
                     BigDecimal dailyBudgetUsd, BigDecimal monthlyBudgetUsd) {
    public static final Limits NONE = new Limits(null, null, null, null, null, null, null);

    public boolean none() {
        return !rateLimited() && !budgeted();
    }

    public boolean rateLimited() {
        return rpm != null || tpm != null || maxParallelRequests != null;
    }

    public boolean budgeted() {
        return dailyBudgetTokens != null || monthlyBudgetTokens != null || dailyBudgetUsd != null || monthlyBudgetUsd != null;
    }
}
