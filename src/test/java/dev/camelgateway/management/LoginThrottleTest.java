package dev.camelgateway.management;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class LoginThrottleTest {
    private final AtomicLong now = new AtomicLong(1_000_000);
    private final LoginThrottle throttle = new LoginThrottle(new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(now.get());
        }
    });

    @Test
    void anAddressIsHeldBackAfterTenFailuresUntilItsWindowEnds() {
        for (int i = 0; i < LoginThrottle.MAX_FAILURES - 1; i++) {
            throttle.failed("10.0.0.1");
        }
        assertThat(throttle.retryAfterSeconds("10.0.0.1")).isZero();
        throttle.failed("10.0.0.1");
        assertThat(throttle.retryAfterSeconds("10.0.0.1")).isEqualTo(60);
        assertThat(throttle.retryAfterSeconds("10.0.0.2")).as("another address").isZero();
        now.addAndGet(59_500);
        assertThat(throttle.retryAfterSeconds("10.0.0.1")).isEqualTo(1);
        now.addAndGet(500);
        assertThat(throttle.retryAfterSeconds("10.0.0.1")).isZero();
        throttle.failed("10.0.0.1");
        assertThat(throttle.retryAfterSeconds("10.0.0.1")).as("a new window starts").isZero();
    }

    @Test
    void theNumberOfTrackedAddressesIsBounded() {
        for (int i = 0; i < LoginThrottle.MAX_ADDRESSES + 500; i++) {
            throttle.failed("addr-" + i);
        }
        for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) {
            throttle.failed("addr-late");
        }
        assertThat(throttle.retryAfterSeconds("addr-late")).as("not tracked while the table is full").isZero();
        now.addAndGet(LoginThrottle.WINDOW.toMillis());
        for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) {
            throttle.failed("addr-late");
        }
        assertThat(throttle.retryAfterSeconds("addr-late")).as("expired entries make room").isPositive();
    }
}
