package dev.camelgateway.usage;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** The taps' pool: bounded, and a tap it cannot queue (full, or stopped at shutdown) runs on its caller, never lost. */
class UsageTapPoolTest {

    @Test
    void aTapThatFindsThePoolFullOrStoppedRunsOnItsCaller() throws Exception {
        UsageTapPool taps = new UsageTapPool(1);
        ExecutorService pool = executor(taps);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch busy = new CountDownLatch(2);
        for (int i = 0; i < 2; i++) { // both threads busy
            pool.execute(() -> {
                busy.countDown();
                await(release);
            });
        }
        assertThat(busy.await(5, TimeUnit.SECONDS)).isTrue();
        CountDownLatch queuedRan = new CountDownLatch(1);
        pool.execute(queuedRan::countDown); // the one queue slot
        assertThat(taps.queued()).isEqualTo(1);

        AtomicReference<String> ranOn = new AtomicReference<>();
        pool.execute(() -> ranOn.set(Thread.currentThread().getName())); // full: on this thread, at once
        assertThat(ranOn.get()).isEqualTo(Thread.currentThread().getName());

        release.countDown();
        taps.start();
        taps.stop(); // drains what was queued
        assertThat(queuedRan.getCount()).isZero();
        AtomicReference<String> afterStop = new AtomicReference<>();
        pool.execute(() -> afterStop.set(Thread.currentThread().getName()));
        assertThat(afterStop.get()).as("a tap after shutdown still runs").isEqualTo(Thread.currentThread().getName());
    }

    private static ExecutorService executor(UsageTapPool taps) {
        org.apache.camel.impl.DefaultCamelContext camel = new org.apache.camel.impl.DefaultCamelContext();
        taps.beforeApplicationStart(camel);
        return camel.getRegistry().lookupByNameAndType("usageTapPool", ExecutorService.class);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
