package dev.camelgateway.api.responses;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Deletes stored responses past their retention, every {@code gateway.responses.cleanup-interval} (each instance: a
 * delete of expired rows is the same whoever runs it). Reads skip expired rows already, so a late run only costs space.
 */
@Component
public class ExpiredResponsesCleanup implements DisposableBean {
    private static final Logger LOG = LoggerFactory.getLogger(ExpiredResponsesCleanup.class);
    private final StoredResponses store;
    private final Clock clock;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "stored-responses-cleanup");
        thread.setDaemon(true);
        return thread;
    });

    public ExpiredResponsesCleanup(StoredResponses store, Clock clock, ResponsesProperties properties) {
        this.store = store;
        this.clock = clock;
        long every = Math.max(1000, properties.getCleanupInterval().toMillis());
        timer.scheduleWithFixedDelay(this::runQuietly, every, every, TimeUnit.MILLISECONDS);
    }

    /** Deletes what expired by now; how many rows. */
    public int run() {
        int deleted = store.deleteExpired(clock.instant());
        if (deleted > 0) {
            LOG.info("stored responses: {} expired, deleted", deleted);
        }
        return deleted;
    }

    private void runQuietly() {
        try {
            run();
        } catch (RuntimeException e) {
            LOG.warn("stored responses: deleting expired ones failed ({}); next try in one interval", e.toString());
        }
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
    }
}
