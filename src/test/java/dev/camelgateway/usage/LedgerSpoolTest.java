package dev.camelgateway.usage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
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

    /** V3's columns travel through the spool; a line spooled by a gateway before them reads as a Chat Completions row. */
    @Test
    void theCallerAndCostSurviveTheSpoolAndOlderLinesReadWithoutThem() throws IOException {
        Instant now = Instant.now();
        AttemptRecord keyed = new AttemptRecord("req_keyed", 2, "client-1", now, now.plusMillis(7), "fast", "openai",
                "gpt-4o-mini", true, AttemptStatus.COMPLETE, new Usage(1000L, 50L, 1050L, 100L, 3L), false, 4L, 7L, 200, null,
                "up_1", "chat", "key_1", "research", new BigDecimal("0.000000150"));
        try (LedgerSpool spool = new LedgerSpool(directory, 1 << 20)) {
            spool.append(List.of(keyed));
        }
        assertThat(Files.readString(segments().get(0))).as("a plain decimal, not 1.50E-7").contains("\"costUsd\":0.000000150");

        try (LedgerSpool spool = new LedgerSpool(directory, 1 << 20)) {
            assertThat(spool.peek(10)).containsExactly(keyed);
        }
        ObjectNode older = (ObjectNode) LedgerRowJson.MAPPER.readTree(LedgerRowJson.write(keyed));
        older.remove(List.of("api", "keyId", "team", "costUsd"));
        AttemptRecord read = LedgerRowJson.read(LedgerRowJson.MAPPER.writeValueAsString(older));
        assertThat(read.api()).isEqualTo("chat");
        assertThat(read.keyId()).isNull();
        assertThat(read.team()).isNull();
        assertThat(read.costUsd()).isNull();
        assertThat(read.usage()).isEqualTo(keyed.usage());
    }

    /** V5's client session id travels through the spool; a line spooled before it existed reads without one. */
    @Test
    void theClientSessionSurvivesTheSpoolAndOlderLinesReadWithoutIt() throws IOException {
        Instant now = Instant.now();
        AttemptRecord session = new AttemptRecord("req_session", 1, null, now, now.plusMillis(3), "claude", "anthropic",
                "claude-sonnet-4-5", true, AttemptStatus.COMPLETE, new Usage(10L, 5L, 15L, null, null), false, 2L, 3L, 200,
                null, null, "messages", "key_1", null, null, "session-0f3c", 2);
        try (LedgerSpool spool = new LedgerSpool(directory, 1 << 20)) {
            spool.append(List.of(session));
        }
        try (LedgerSpool spool = new LedgerSpool(directory, 1 << 20)) {
            assertThat(spool.peek(10)).containsExactly(session);
        }
        ObjectNode older = (ObjectNode) LedgerRowJson.MAPPER.readTree(LedgerRowJson.write(session));
        older.remove("clientSessionId");
        older.remove("malformedEvents");
        AttemptRecord read = LedgerRowJson.read(LedgerRowJson.MAPPER.writeValueAsString(older));
        assertThat(read.clientSessionId()).isNull();
        assertThat(read.malformedEvents()).isZero();
        assertThat(read.api()).isEqualTo("messages");
        assertThat(read.usage()).isEqualTo(session.usage());
    }

    private List<Path> segments() throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().startsWith("spool-")).sorted().toList();
        }
    }
}
