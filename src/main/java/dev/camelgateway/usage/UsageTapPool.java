package dev.camelgateway.usage;

import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The wire taps' executor, {@code usageTapPool} in Camel's registry. Camel's default pool runs a rejected tap on the
 * caller — the client's stream thread — when it is full; this one never rejects (its queue is unbounded, of small
 * records), so the stream thread only hands over. Back-pressure sits one step later, where the ledger queue makes
 * these threads wait. (Not a Spring bean of type Executor: that would replace Spring Boot's request executor.)
 */
@Component
public class UsageTapPool implements CamelContextConfiguration, DisposableBean {
    private final ThreadPoolExecutor pool = new ThreadPoolExecutor(4, 4, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
            r -> {
                Thread thread = new Thread(r, "usage-tap");
                thread.setDaemon(true);
                return thread;
            });

    @Override
    public void beforeApplicationStart(CamelContext camel) {
        pool.allowCoreThreadTimeOut(true);
        camel.getRegistry().bind("usageTapPool", ExecutorService.class, pool);
    }

    @Override
    public void afterApplicationStart(CamelContext camel) {
        // nothing
    }

    /** Lets queued taps finish (they hand rows to the ledger writer, which drains after them). */
    @Override
    public void destroy() throws InterruptedException {
        pool.shutdown();
        pool.awaitTermination(30, TimeUnit.SECONDS);
    }
}
