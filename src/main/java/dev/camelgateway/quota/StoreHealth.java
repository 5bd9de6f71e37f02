package dev.camelgateway.quota;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Calls to the quota store, and what its outages cost. After a failure the store counts as down for
 * {@value #DOWN_MILLIS} ms for admissions only, so requests meanwhile get the fail-open/closed decision at once instead
 * of each waiting out a timeout; settles and releases are always tried (a skipped one would leak a reservation or lose
 * a count). A release that fails is retried every second until the reservation would have lapsed anyway (it is
 * idempotent; at most {@value #MAX_PENDING} kept). Logged once per outage; counted in
 * {@code gateway.quota.store.errors} (tag operation).
 */
@Component
public class StoreHealth implements DisposableBean {
    private static final Logger LOG = LoggerFactory.getLogger(StoreHealth.class);
    static final long DOWN_MILLIS = 1000;
    static final int MAX_PENDING = 10_000;
    private final MeterRegistry meters;
    private final Clock clock;
    private final long retryForMillis;
    private volatile long downUntil;
    private volatile boolean down;
    private final ConcurrentLinkedQueue<Pending> releases = new ConcurrentLinkedQueue<>();
    private final AtomicInteger pending = new AtomicInteger();
    private final ScheduledExecutorService retrier = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "quota-release-retry");
        thread.setDaemon(true);
        return thread;
    });

    private record Pending(Runnable release, long untilMillis) {
    }

    public StoreHealth(MeterRegistry meters, Clock clock, QuotaProperties properties) {
        this.meters = meters;
        this.clock = clock;
        this.retryForMillis = properties.getReservationTtl().toMillis();
        retrier.scheduleWithFixedDelay(this::retryReleases, 1, 1, TimeUnit.SECONDS);
    }

    /** An admission: refused at once while the store is down. */
    public <T> T admit(Supplier<T> call) {
        if (clock.millis() < downUntil) {
            throw new QuotaStoreUnavailable("the quota store failed less than a second ago", null);
        }
        return attempt("admit", call);
    }

    /** A settle: always tried; a failure is counted and logged, never the client's stream's end. */
    public void settle(Runnable call) {
        quietly("settle", call);
    }

    /** A release: always tried, and retried in the background while it fails. */
    public void release(Runnable call) {
        if (!quietly("release", call)) {
            releaseLater(call);
        }
    }

    /** A release for the background only (the request thread does not wait on a store that just failed). */
    public void releaseLater(Runnable call) {
        if (pending.incrementAndGet() <= MAX_PENDING) {
            releases.add(new Pending(call, clock.millis() + retryForMillis));
        } else {
            pending.decrementAndGet(); // the reservation lapses after its ttl
        }
    }

    private boolean quietly(String operation, Runnable call) {
        try {
            attempt(operation, () -> {
                call.run();
                return null;
            });
            return true;
        } catch (QuotaStoreUnavailable e) {
            return false; // counted and logged in failed()
        } catch (RuntimeException e) {
            LOG.error("quota store: {} failed", operation, e); // a bug: not retried
            return true;
        }
    }

    private <T> T attempt(String operation, Supplier<T> call) {
        try {
            T result = call.get();
            if (down) {
                down = false;
                LOG.info("quota store: answers again");
            }
            return result;
        } catch (QuotaStoreUnavailable e) {
            failed(operation, e);
            throw e;
        }
    }

    private void retryReleases() {
        for (Pending next = releases.peek(); next != null; next = releases.peek()) {
            if (clock.millis() < next.untilMillis() && !quietly("release", next.release())) {
                return; // still down: the next round tries again
            }
            releases.poll();
            pending.decrementAndGet();
        }
    }

    private void failed(String operation, QuotaStoreUnavailable e) {
        Counter.builder("gateway.quota.store.errors").description("Quota store calls that failed or timed out")
                .tag("operation", operation).register(meters).increment();
        downUntil = clock.millis() + DOWN_MILLIS;
        if (!down) {
            down = true;
            LOG.warn("quota store: {} failed ({}); until it answers, gateway.quota.budgets-when-down and "
                    + "rate-limits-when-down decide", operation, e.getCause() == null ? e.getMessage() : e.getCause().toString());
        }
    }

    @Override
    public void destroy() {
        retrier.shutdownNow();
    }
}
