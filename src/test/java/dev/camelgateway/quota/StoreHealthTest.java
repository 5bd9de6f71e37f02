package dev.camelgateway.quota;

import dev.camelgateway.support.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a store outage does to admissions, settles and releases (StoreHealth on its own, with a fake store call). */
class StoreHealthTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2030-06-15T12:00:00Z"));
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final StoreHealth health = new StoreHealth(meters, clock, properties(Duration.ofSeconds(30)));

    @AfterEach
    void stop() {
        health.destroy();
    }

    @Test
    void afterAFailureAdmissionsAreRefusedAtOnceForASecond_thenTriedAgain() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> health.admit(() -> {
            calls.incrementAndGet();
            throw down();
        })).isInstanceOf(QuotaStoreUnavailable.class);
        assertThatThrownBy(() -> health.admit(calls::incrementAndGet)).isInstanceOf(QuotaStoreUnavailable.class);
        assertThat(calls).hasValue(1); // the second was not sent
        clock.advance(Duration.ofMillis(StoreHealth.DOWN_MILLIS));
        assertThat(health.admit(calls::incrementAndGet)).isEqualTo(2);
        assertThat(meters.counter("gateway.quota.store.errors", "operation", "admit").count()).isEqualTo(1);
    }

    @Test
    void settlesAreTriedEvenRightAfterAFailure_andNeverThrow() {
        assertThatThrownBy(() -> health.admit(() -> {
            throw down();
        })).isInstanceOf(QuotaStoreUnavailable.class);
        AtomicBoolean settled = new AtomicBoolean();
        health.settle(() -> settled.set(true));
        assertThat(settled).isTrue();
        health.settle(() -> {
            throw down();
        });
        health.settle(() -> {
            throw new IllegalStateException("a bug in a store");
        });
        assertThat(meters.counter("gateway.quota.store.errors", "operation", "settle").count()).isEqualTo(1);
    }

    @Test
    void aFailedReleaseIsRetriedInTheBackgroundUntilItSucceeds() throws InterruptedException {
        AtomicInteger tries = new AtomicInteger();
        health.release(() -> {
            if (tries.incrementAndGet() < 3) {
                throw down();
            }
        });
        for (int i = 0; i < 100 && tries.get() < 3; i++) {
            Thread.sleep(50);
        }
        assertThat(tries).hasValue(3); // once now, then every second until it went through
        Thread.sleep(1_500);
        assertThat(tries).hasValue(3); // and not again
    }

    @Test
    void aReleaseStillFailingWhenItsReservationWouldHaveLapsedIsDropped() throws InterruptedException {
        AtomicInteger tries = new AtomicInteger();
        health.release(() -> {
            tries.incrementAndGet();
            throw down();
        });
        clock.advance(Duration.ofSeconds(31)); // past the reservation ttl: nothing left to give back
        Thread.sleep(1_500);
        assertThat(tries).hasValue(1);
    }

    private static QuotaStoreUnavailable down() {
        return new QuotaStoreUnavailable("scripted", new java.io.IOException("connection refused"));
    }

    private static QuotaProperties properties(Duration ttl) {
        QuotaProperties properties = new QuotaProperties();
        properties.setReservationTtl(ttl);
        return properties;
    }
}
