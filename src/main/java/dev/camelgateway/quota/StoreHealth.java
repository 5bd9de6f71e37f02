package dev.camelgateway.quota;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.function.Supplier;

/**
 * Calls to the quota store, and what its outages cost: after a failure the store counts as down for
 * {@value #DOWN_MILLIS} ms, so requests meanwhile get the fail-open/closed decision at once instead of each waiting
 * out a timeout. Logged once per outage; counted in {@code gateway.quota.store.errors} (tag operation).
 */
@Component
public class StoreHealth {
    private static final Logger LOG = LoggerFactory.getLogger(StoreHealth.class);
    static final long DOWN_MILLIS = 1000;
    private final MeterRegistry meters;
    private final Clock clock;
    private volatile long downUntil;
    private volatile boolean down;

    public StoreHealth(MeterRegistry meters, Clock clock) {
        this.meters = meters;
        this.clock = clock;
    }

    public <T> T call(String operation, Supplier<T> call) {
        if (clock.millis() < downUntil) {
            throw new QuotaStoreUnavailable("the quota store failed less than a second ago", null);
        }
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

    public void callQuietly(String operation, Runnable call) {
        try {
            call(operation, () -> {
                call.run();
                return null;
            });
        } catch (QuotaStoreUnavailable e) {
            // counted and logged in failed()
        } catch (RuntimeException e) {
            LOG.error("quota store: {} failed", operation, e); // a bug, never the client's stream's end
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
}
