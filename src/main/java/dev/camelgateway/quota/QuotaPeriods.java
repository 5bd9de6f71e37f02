package dev.camelgateway.quota;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;

/** The UTC day and month a budget counter belongs to; a counter is kept one day past its period's end. */
public final class QuotaPeriods {
    static final Duration KEPT_AFTER_END = Duration.ofDays(1);

    private QuotaPeriods() {
    }

    /** {@code key} names the period in store keys ({@code d2025-01-31}, {@code m2025-01}); {@code end} is exclusive. */
    public record Period(String key, Instant start, Instant end) {
        public long counterExpiresAtMillis() {
            return end.plus(KEPT_AFTER_END).toEpochMilli();
        }
    }

    public static Period day(Instant at) {
        LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
        return new Period("d" + day, startOf(day), startOf(day.plusDays(1)));
    }

    public static Period month(Instant at) {
        YearMonth month = YearMonth.from(LocalDate.ofInstant(at, ZoneOffset.UTC));
        return new Period("m" + month, startOf(month.atDay(1)), startOf(month.plusMonths(1).atDay(1)));
    }

    private static Instant startOf(LocalDate day) {
        return day.atStartOfDay().toInstant(ZoneOffset.UTC);
    }
}
