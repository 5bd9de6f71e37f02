package dev.camelgateway.quota;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** USD budgets are compared in nano-USD longs, as costs are settled. */
final class UsdNanos {
    private UsdNanos() {
    }

    /** Null stays null (no limit); fractions of a nano-USD round down; beyond a long's range is no practical limit. */
    static Long of(BigDecimal usd) {
        if (usd == null) {
            return null;
        }
        BigDecimal nanos = usd.movePointRight(9).setScale(0, RoundingMode.FLOOR);
        return nanos.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0 ? Long.MAX_VALUE : nanos.longValueExact();
    }
}
