package dev.camelgateway.quota;

import java.math.BigDecimal;

/** {@link Limits} for tests, one limit at a time. */
final class LimitsBuilder {
    private Long rpm;
    private Long tpm;
    private Integer parallel;
    private Long dailyTokens;
    private Long monthlyTokens;
    private BigDecimal dailyUsd;
    private BigDecimal monthlyUsd;

    static LimitsBuilder limits() {
        return new LimitsBuilder();
    }

    LimitsBuilder rpm(Long value) {
        rpm = value;
        return this;
    }

    LimitsBuilder tpm(Long value) {
        tpm = value;
        return this;
    }

    LimitsBuilder parallel(Integer value) {
        parallel = value;
        return this;
    }

    LimitsBuilder dailyTokens(Long value) {
        dailyTokens = value;
        return this;
    }

    LimitsBuilder monthlyTokens(Long value) {
        monthlyTokens = value;
        return this;
    }

    LimitsBuilder dailyUsd(String value) {
        dailyUsd = value == null ? null : new BigDecimal(value);
        return this;
    }

    LimitsBuilder monthlyUsd(String value) {
        monthlyUsd = value == null ? null : new BigDecimal(value);
        return this;
    }

    Limits build() {
        return new Limits(rpm, tpm, parallel, dailyTokens, monthlyTokens, dailyUsd, monthlyUsd);
    }
}
