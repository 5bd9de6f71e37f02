package dev.camelgateway.stream;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SseEventParserTest {

    /** wire-formats.md T25: a multi-byte character and CRLF split across reads must survive. */
    @Test
    void utf8AndCrlfSplitAcrossReads() {
        byte[] all = ("event: content_block_delta\r\ndata: {\"text\":\"Zürich 🌍\"}\r\n\r\n"
                + "event: content_block_delta\r\ndata: {\"text\":\"!\"}\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        int u = indexOf(all, (byte) 0xC3);
        int globe = indexOf(all, (byte) 0xF0);
        List<SseEvent> events = feedInPieces(all, u + 1, globe + 2, indexOf(all, (byte) '\r') + 1);

        assertThat(events).containsExactly(
                new SseEvent("content_block_delta", "{\"text\":\"Zürich 🌍\"}"),
                new SseEvent("content_block_delta", "{\"text\":\"!\"}"));
    }

    @Test
    void everyByteInItsOwnReadGivesTheSameEvents() {
        byte[] all = "data: {\"a\":\"é\"}\n\n: keep-alive comment\n\ndata: line1\ndata: line2\n\nid: 7\nretry: 10\ndata:[DONE]\n\n"
                .getBytes(StandardCharsets.UTF_8);
        SseEventParser parser = new SseEventParser();
        List<SseEvent> events = new ArrayList<>();
        for (byte b : all) {
            events.addAll(parser.feed(new byte[] {b}, 0, 1));
        }
        assertThat(events).containsExactly(new SseEvent(null, "{\"a\":\"é\"}"), new SseEvent(null, "line1\nline2"),
                new SseEvent(null, "[DONE]"));
        assertThat(parser.hasPartialEvent()).isFalse();
    }

    @Test
    void bareCrLineEndingsAndAnUnfinishedEvent() {
        SseEventParser parser = new SseEventParser();
        byte[] bytes = "data: one\r\rdata: two".getBytes(StandardCharsets.UTF_8);
        assertThat(parser.feed(bytes, 0, bytes.length)).containsExactly(new SseEvent(null, "one"));
        assertThat(parser.hasPartialEvent()).as("an event cut before its blank line is not delivered").isTrue();
    }

    private static List<SseEvent> feedInPieces(byte[] all, int... cuts) {
        SseEventParser parser = new SseEventParser();
        List<SseEvent> events = new ArrayList<>();
        int start = 0;
        int[] sorted = java.util.Arrays.stream(cuts).sorted().toArray();
        for (int cut : sorted) {
            events.addAll(parser.feed(all, start, cut - start));
            start = cut;
        }
        events.addAll(parser.feed(all, start, all.length - start));
        return events;
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        throw new IllegalArgumentException();
    }
}
