package dev.camelgateway.usage;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The writer's promises without a database: batches, retries until the rows are taken, drains on shutdown. */
class LedgerWriterTest {

    @Test
    void aFailingDatabaseIsRetriedAndShutdownDrainsEveryQueuedRow() throws Exception {
        List<AttemptRecord> written = new CopyOnWriteArrayList<>();
        AtomicInteger failuresLeft = new AtomicInteger(2);
        LedgerRepository slowAndFlaky = new LedgerRepository(null) {
            @Override
            public void insert(List<AttemptRecord> records) {
                if (failuresLeft.getAndDecrement() > 0) {
                    throw new IllegalStateException("database unavailable");
                }
                sleep(20);
                written.addAll(records);
            }
        };
        LedgerWriter writer = new LedgerWriter(slowAndFlaky, 50, 10);
        writer.start();
        for (int i = 0; i < 300; i++) {
            writer.put(record(i)); // waits whenever the 50-row queue is full
        }
        writer.stop();

        assertThat(written).hasSize(300);
        assertThat(written.stream().map(AttemptRecord::requestId).distinct()).hasSize(300);
    }

    private static AttemptRecord record(int i) {
        return new AttemptRecord("req_" + i, 1, null, Instant.now(), Instant.now(), "demo", "demo", "echo", false,
                AttemptStatus.COMPLETE, Usage.of(1L, 2L), false, 5L, 5L, 200, null);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
