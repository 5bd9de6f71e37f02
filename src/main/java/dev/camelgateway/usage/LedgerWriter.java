package dev.camelgateway.usage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Writes attempt records to the ledger in batches, on its own thread. {@link #put} waits when the queue is full (it runs
 * on the usage route's tap threads, never on a client's); a failed batch is retried until the database takes it; on
 * shutdown the queue is drained before the database goes away.
 */
@Component
public class LedgerWriter implements SmartLifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(LedgerWriter.class);
    private final LedgerRepository repository;
    private final BlockingQueue<AttemptRecord> queue;
    private final int batchSize;
    private volatile boolean running;
    private Thread thread;

    public LedgerWriter(LedgerRepository repository, @Value("${gateway.ledger.queue-capacity:10000}") int capacity,
                        @Value("${gateway.ledger.batch-size:200}") int batchSize) {
        this.repository = repository;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.batchSize = batchSize;
    }

    public void put(AttemptRecord record) throws InterruptedException {
        queue.put(record);
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::run, "usage-ledger-writer");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        try {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!queue.isEmpty()) {
            LOG.error("usage ledger: {} rows could not be written before shutdown", queue.size());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stop late (after Camel and the web server), start early: nothing is accepted that cannot be written. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }

    private void run() {
        List<AttemptRecord> batch = new ArrayList<>(batchSize);
        while (running || !queue.isEmpty()) {
            try {
                AttemptRecord first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, batchSize - 1);
                writeWithRetry(batch);
                batch.clear();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void writeWithRetry(List<AttemptRecord> batch) throws InterruptedException {
        long wait = 100;
        while (true) {
            try {
                repository.insert(batch);
                return;
            } catch (RuntimeException e) {
                LOG.error("usage ledger: writing {} rows failed, retrying in {} ms: {}", batch.size(), wait, e.getMessage());
                Thread.sleep(wait);
                wait = Math.min(wait * 2, 5000);
            }
        }
    }
}
