package dev.camelgateway.usage;

import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The wire taps' executor, {@code usageTapPool} in Camel's registry. Its queue is bounded
 * ({@code gateway.ledger.tap-queue-capacity}) and each entry holds only an attempt record ({@link UsageTapCopy} strips
 * the copy). When it is full, or stopped, the tap runs on the caller's thread: the usage step never waits (metrics,
 * then a non-blocking hand-off to the ledger writer), so a client waits microseconds and no row is lost.
 * <p>
 * It drains at shutdown right after the web server's graceful shutdown (every stream has ended, so every tap is
 * queued) and before the web server and Camel stop, so queued taps still find the usage route; the ledger writer
 * stops after Camel. (Not a Spring bean of type Executor: that would replace Spring Boot's request executor.)
 */
@Component
public class UsageTapPool implements CamelContextConfiguration, SmartLifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(UsageTapPool.class);
    /** Just below the web server's graceful shutdown (MAX-1024), above its stop (MAX-2048) and Camel's (MAX-2049). */
    static final int PHASE = Integer.MAX_VALUE - 1025;
    private final ThreadPoolExecutor pool;
    private volatile boolean running;

    public UsageTapPool(@Value("${gateway.ledger.tap-queue-capacity:10000}") int capacity) {
        pool = new ThreadPoolExecutor(2, 2, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(capacity), r -> {
            Thread thread = new Thread(r, "usage-tap");
            thread.setDaemon(true);
            return thread;
        }, (task, executor) -> task.run()); // caller-runs, also once shut down (CallerRunsPolicy would drop it then)
        pool.allowCoreThreadTimeOut(true);
    }

    @Override
    public void beforeApplicationStart(CamelContext camel) {
        camel.getRegistry().bind("usageTapPool", ExecutorService.class, pool);
    }

    @Override
    public void afterApplicationStart(CamelContext camel) {
        // nothing
    }

    @Override
    public void start() {
        running = true;
    }

    /** Lets the queued taps finish; a tap after this runs on its caller's thread. */
    @Override
    public void stop() {
        running = false;
        pool.shutdown();
        try {
            if (!pool.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warn("usage taps: {} still queued after 30 s at shutdown", pool.getQueue().size());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    int queued() {
        return pool.getQueue().size();
    }
}
