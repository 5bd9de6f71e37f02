package dev.camelgateway.stream;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Bytes to server-sent events, following the WHATWG event-stream rules: lines end with LF, CRLF or CR, a blank
 * line ends an event, {@code :} lines are comments. It works on bytes and decodes only whole lines, so a
 * multi-byte UTF-8 character or a CRLF split across two network reads is never corrupted.
 */
public final class SseEventParser implements EventParser {
    private static final byte[] EMPTY = new byte[0];
    private byte[] pending = EMPTY;
    private boolean lastWasCr;
    private String eventName;
    private StringBuilder data;

    /**
     * Feeds the next bytes read from the upstream; returns the events they completed. The bytes are scanned where they
     * are; only a line left unfinished at the end of a read is copied, to be completed by the next one.
     */
    @Override
    public List<SseEvent> feed(byte[] bytes, int offset, int length) {
        List<SseEvent> events = new ArrayList<>(2);
        byte[] buf = bytes;
        int start = offset;
        int end = offset + length;
        if (pending.length > 0) {
            buf = concat(pending, bytes, offset, length);
            start = 0;
            end = buf.length;
        }
        int lineStart = start;
        for (int i = start; i < end; i++) {
            byte b = buf[i];
            if (b == '\n' && lastWasCr && i == lineStart) {
                lastWasCr = false; // second half of a CRLF
                lineStart = i + 1;
                continue;
            }
            if (b == '\n' || b == '\r') {
                lastWasCr = b == '\r';
                line(new String(buf, lineStart, i - lineStart, StandardCharsets.UTF_8), events);
                lineStart = i + 1;
            } else {
                lastWasCr = false;
            }
        }
        pending = lineStart == end ? EMPTY : java.util.Arrays.copyOfRange(buf, lineStart, end);
        return events;
    }

    /** True when bytes of an unfinished event are buffered (the upstream stopped mid-event). */
    @Override
    public boolean hasPartialEvent() {
        return pending.length > 0 || data != null || eventName != null;
    }

    private void line(String line, List<SseEvent> events) {
        if (line.isEmpty()) {
            if (data != null) {
                events.add(new SseEvent(eventName, data.toString()));
            }
            eventName = null;
            data = null;
            return;
        }
        if (line.charAt(0) == ':') {
            return;
        }
        int colon = line.indexOf(':');
        String field = colon < 0 ? line : line.substring(0, colon);
        String value = colon < 0 ? "" : line.substring(colon + 1);
        if (value.startsWith(" ")) {
            value = value.substring(1);
        }
        switch (field) {
            case "data" -> data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
            case "event" -> eventName = value;
            default -> { } // id, retry and unknown fields carry nothing a chat stream needs
        }
    }

    private static byte[] concat(byte[] head, byte[] bytes, int offset, int length) {
        byte[] out = new byte[head.length + length];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(bytes, offset, out, head.length, length);
        return out;
    }
}
