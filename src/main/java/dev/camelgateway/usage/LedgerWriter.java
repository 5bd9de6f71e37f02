package dev.camelgateway.usage;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Writes attempt records to the ledger in batches, on its own thread, and never makes anyone wait for the database.
 * <ul>
 * <li>{@link #offer} never blocks: a full in-memory queue spills the row to the {@link LedgerSpool} on disk.</li>
 * <li>A refused batch is retried row by row: a row refused for its content goes to the {@link DeadLetterFile}, a row
 * already in the table (a replay after a commit that was not acknowledged) is skipped, the rest are written.</li>
 * <li>While the database is unreachable ({@link LedgerFailures}), batches go to the spool; it is replayed, oldest first,
 * as soon as the database takes rows again, and at the next start if rows are left in it.</li>
 * <li>It stops after Camel (phase below Camel's), so the rows of the last streams and taps are written or spooled.</li>
 * </ul>
 */
@Component
public class LedgerWriter implements SmartLifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(LedgerWriter.class);
    /** Below Camel's context (MAX-2049), which stops after the web server's graceful shutdown (MAX-1024). */
    static final int PHASE = Integer.MAX_VALUE - 4096;
    private static final long MAX_PROBE_WAIT_MILLIS = 5000;
    private static final long STOP_WAIT_MILLIS = 15_000;

    private final LedgerRepository repository;
    private final BlockingQueue<AttemptRecord> queue;
    private final int batchSize;
    private final LedgerSpool spool;
    private final DeadLetterFile deadLetters;
    private final Counter deadLettered;
    private final Counter dropped;
    private final Counter duplicates;
    private volatile boolean running;
    private volatile boolean stopped;
    private volatile List<AttemptRecord> inFlight;
    private Thread thread;
    // the database's state, seen only by the writer thread
    private boolean down;
    private long nextProbeNanos;
    private long probeWaitMillis = 250;

    @Autowired
    public LedgerWriter(LedgerRepository repository, MeterRegistry meters,
                        @Value("${gateway.ledger.queue-capacity:10000}") int capacity,
                        @Value("${gateway.ledger.batch-size:200}") int batchSize,
                        @Value("${gateway.ledger.spool.directory:./data/ledger-spool}") Path spoolDirectory,
                        @Value("${gateway.ledger.spool.max-size:1GB}") DataSize spoolMaxSize,
                        @Value("${gateway.ledger.dead-letter.directory:./data/ledger-dead-letter}") Path deadLetterDirectory,
                        @Value("${gateway.ledger.dead-letter.max-size:100MB}") DataSize deadLetterMaxSize) {
        this(repository, meters, capacity, batchSize, new LedgerSpool(spoolDirectory, spoolMaxSize.toBytes()),
                new DeadLetterFile(deadLetterDirectory, deadLetterMaxSize.toBytes()));
    }

    LedgerWriter(LedgerRepository repository, MeterRegistry meters, int capacity, int batchSize, LedgerSpool spool,
                 DeadLetterFile deadLetters) {
        this.repository = repository;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.batchSize = batchSize;
        this.spool = spool;
        this.deadLetters = deadLetters;
        Gauge.builder("gateway.ledger.queue.depth", queue, BlockingQueue::size)
                .description("Ledger rows waiting in memory to be written").register(meters);
        Gauge.builder("gateway.ledger.spool.rows", spool, LedgerSpool::rows)
                .description("Ledger rows spooled on disk (database unreachable or queue full), waiting for replay").register(meters);
        deadLettered = Counter.builder("gateway.ledger.dead_letters")
                .description("Ledger rows the database refused for their content, written to the dead-letter file").register(meters);
        dropped = Counter.builder("gateway.ledger.dropped")
                .description("Ledger rows lost because the spool had reached its disk bound").register(meters);
        duplicates = Counter.builder("gateway.ledger.duplicates")
                .description("Replayed ledger rows already in the database, skipped").register(meters);
    }

    /** Queues a row; never waits: when the queue is full (or the writer has stopped), the row goes to the spool. */
    public void offer(AttemptRecord record) {
        boolean queued;
        synchronized (queue) { // against stop(): a row is either queued before the last drain, or spooled
            queued = !stopped && queue.offer(record);
        }
        if (!queued) {
            spool(List.of(record));
        }
    }

    int queueDepth() {
        return queue.size();
    }

    LedgerSpool spool() {
        return spool;
    }

    @Override
    public void start() {
        stopped = false;
        running = true;
        thread = new Thread(this::run, "usage-ledger-writer");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Writes (or spools) what is queued, then stops. A writer stuck in a database call past the wait spools its
     * batch and the queue (a batch that did commit is skipped as a duplicate at replay).
     */
    @Override
    public void stop() {
        running = false;
        try {
            thread.join(STOP_WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<AttemptRecord> left = new ArrayList<>();
        synchronized (queue) {
            stopped = true; // from now on offers spool
            queue.drainTo(left);
        }
        List<AttemptRecord> batch = inFlight;
        if (thread.isAlive() && batch != null) {
            left.addAll(batch);
            LOG.warn("usage ledger: the database did not answer within {} ms at shutdown; {} rows spooled for the next start",
                    STOP_WAIT_MILLIS, left.size());
        }
        spool(left);
        spool.close();
        if (spool.rows() > 0) {
            LOG.warn("usage ledger: {} rows left in the spool; the next start replays them", spool.rows());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Starts first and stops last: after the web server's graceful shutdown, Camel and the usage taps. */
    @Override
    public int getPhase() {
        return PHASE;
    }

    private void run() {
        long lastSync = System.nanoTime();
        while (running || !queue.isEmpty()) {
            try {
                if (spool.rows() > 0 && databaseMayBeUp()) {
                    replayOneBatch();
                }
                boolean replayWaiting = spool.rows() > 0 && databaseMayBeUp();
                AttemptRecord first = replayWaiting ? queue.poll() : queue.poll(100, TimeUnit.MILLISECONDS);
                if (first != null) {
                    List<AttemptRecord> batch = new ArrayList<>(batchSize);
                    batch.add(first);
                    queue.drainTo(batch, batchSize - 1);
                    inFlight = batch;
                    if (databaseMayBeUp()) {
                        write(batch);
                    } else {
                        spool(batch);
                    }
                    inFlight = null;
                }
                if (System.nanoTime() - lastSync > TimeUnit.SECONDS.toNanos(1)) {
                    spool.sync();
                    lastSync = System.nanoTime();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException | AssertionError e) { // the writer thread never dies of one step
                LOG.error("usage ledger: writer step failed: {}", e.toString());
                List<AttemptRecord> unfinished = inFlight;
                inFlight = null;
                try {
                    if (unfinished != null) {
                        spool(unfinished); // a row already written is skipped at replay
                    }
                } catch (RuntimeException spoolFailed) {
                    LOG.error("usage ledger: {} rows could not be spooled either: {}", unfinished.size(), spoolFailed.toString());
                }
                pause(); // e.g. an unreadable spool: not a busy loop
            }
        }
        spool.sync();
    }

    private static void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void write(List<AttemptRecord> rows) {
        int done = insert(rows);
        if (done < rows.size()) {
            spool(rows.subList(done, rows.size()));
        }
    }

    private void replayOneBatch() {
        List<AttemptRecord> rows = spool.peek(batchSize);
        spool.commit(insert(rows));
    }

    /** How many of the rows were dealt with (written, skipped or dead-lettered): fewer once the database went away. */
    private int insert(List<AttemptRecord> rows) {
        if (rows.isEmpty()) {
            return 0;
        }
        try {
            repository.insertAll(rows);
            up();
            return rows.size();
        } catch (RuntimeException | AssertionError e) {
            if (LedgerFailures.unreachable(e)) {
                down(e);
                return 0;
            }
            LOG.debug("usage ledger: a batch of {} rows was refused ({}); retrying row by row", rows.size(), e.getMessage());
        }
        for (int i = 0; i < rows.size(); i++) {
            try {
                repository.insertAll(List.of(rows.get(i)));
            } catch (DuplicateKeyException e) {
                duplicates.increment(); // written before: exactly one row per attempt
            } catch (RuntimeException | AssertionError e) {
                if (LedgerFailures.unreachable(e)) {
                    down(e);
                    return i;
                }
                deadLetter(rows.get(i), e);
            }
        }
        up();
        return rows.size();
    }

    private void deadLetter(AttemptRecord row, Throwable e) {
        deadLetters.write(row, e);
        deadLettered.increment();
        LOG.error("usage ledger: the database refused the row {}#{}; it is in {}: {}", row.requestId(), row.attempt(),
                deadLetters.current(), e.getMessage());
    }

    private void spool(List<AttemptRecord> rows) {
        int spooled = spool.append(rows);
        if (spooled < rows.size()) {
            double before = dropped.count();
            dropped.increment(rows.size() - spooled);
            if ((long) before % 1000 == 0) {
                LOG.error("usage ledger: the spool is full (gateway.ledger.spool.max-size); {} rows lost so far",
                        (long) dropped.count());
            }
        }
    }

    private boolean databaseMayBeUp() {
        return !down || System.nanoTime() - nextProbeNanos >= 0;
    }

    private void down(Throwable e) {
        if (!down) {
            LOG.warn("usage ledger: the database is unreachable ({}); rows go to the spool until it is back", e.getMessage());
        }
        down = true;
        nextProbeNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(probeWaitMillis);
        probeWaitMillis = Math.min(probeWaitMillis * 2, MAX_PROBE_WAIT_MILLIS);
    }

    private void up() {
        if (down) {
            LOG.info("usage ledger: the database is back; replaying {} spooled rows", spool.rows());
        }
        down = false;
        probeWaitMillis = 250;
    }
}
