package dev.camelgateway.usage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The spool directly: what a crash or an operator leaves in its directory never stops the gateway or its writer. */
class LedgerSpoolTest {
    @TempDir
    Path directory;

    @Test
    void aTornMultiByteCharacterAtTheEndOfASegmentIsSkippedNotFatal() throws IOException {
        try (LedgerSpool spool = new LedgerSpool(directory, 1 << 20)) {
            spool.append(List.of(LedgerWriterTest.record("req_before_the_crash", 1)));
        }
        // a crash mid-write: the first two bytes of a three-byte character, no newline
        Files.write(segments().get(0), new byte[]{'{', '"', (byte) 0xE2, (byte) 0x82}, StandardOpenOption.APPEND);

        try (LedgerSpool spool = new LedgerSpool(directory, 1 << 20)) {
            List<AttemptRecord> rows = spool.peek(10);

            assertThat(rows).extracting(AttemptRecord::requestId).containsExactly("req_before_the_crash");
            spool.commit(rows.size());
            assertThat(spool.peek(10)).isEmpty();
            assertThat(spool.rows()).isZero();
        }
    }

    @Test
    void segmentsRemovedUnderARunningGatewayEmptyTheCountInsteadOfLeavingTheWriterSpinning() throws IOException {
        try (LedgerSpool spool = new LedgerSpool(directory, 1 << 20)) {
            spool.append(List.of(LedgerWriterTest.record("req_a", 1), LedgerWriterTest.record("req_b", 1)));
            assertThat(spool.rows()).isEqualTo(2);
            for (Path segment : segments()) {
                Files.delete(segment);
            }

            assertThat(spool.peek(10)).isEmpty();
            assertThat(spool.rows()).as("what the writer's loop asks before it replays").isZero();
        }
    }

    private List<Path> segments() throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().startsWith("spool-")).sorted().toList();
        }
    }
}
