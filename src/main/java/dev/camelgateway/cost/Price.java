package dev.camelgateway.cost;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * What one model costs, in USD per million tokens: prompt tokens read fresh ({@code input}), prompt tokens served from
 * the provider's cache ({@code cachedInput}) and completion tokens ({@code output}, reasoning included).
 */
public record Price(BigDecimal input, BigDecimal output, BigDecimal cachedInput) {
    /** The ledger's {@code cost_usd} is DECIMAL(20, 9): nano-USD, the quota store's unit. */
    public static final int SCALE = 9;
    private static final int PER_MILLION = 6;

    /**
     * {@code (prompt − cached) × input + cached × cachedInput + completion × output}, per million tokens, rounded
     * half-up to nano-USD (exact unless a price has more than three decimals). Null when the prompt or the completion
     * count is unknown: a guess is not a cost. An unknown cached count is none; one above the prompt (no provider
     * reports that) is capped at it. Anthropic's prompt already includes cache reads and cache creation (its usage
     * extractor), and cache creation is priced as input here, below Anthropic's 1.25× write price.
     */
    public BigDecimal toCostUsd(Long promptTokens, Long cachedTokens, Long completionTokens) {
        if (promptTokens == null || completionTokens == null) {
            return null;
        }
        long cached = cachedTokens == null ? 0 : Math.max(0, Math.min(cachedTokens, promptTokens));
        BigDecimal perMillion = input.multiply(BigDecimal.valueOf(promptTokens - cached))
                .add(cachedInput.multiply(BigDecimal.valueOf(cached)))
                .add(output.multiply(BigDecimal.valueOf(completionTokens)));
        return perMillion.movePointLeft(PER_MILLION).setScale(SCALE, RoundingMode.HALF_UP);
    }

    /** A cost as the quota store counts it: whole nano-USD (exact for a cost of {@link #toCostUsd}'s scale). */
    public static long toCostNanos(BigDecimal costUsd) {
        return costUsd.movePointRight(SCALE).longValueExact();
    }
}
