package dev.camelgateway.stream;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Bytes to server-sent events, following the WHATWG event-stream rules: lines end with LF, CRLF or CR, a blank
 * line ends an event, {@code :} lines are comments. It works on bytes and decodes only whole lines, so a
 * multi-byte UTF-8 character or a CRLF split across two network reads is never corrupted.
 */
public final class SseEventParser {
    private byte[] pending = new byte[0];
    private boolean lastWasCr;
    private String eventName;
    private StringBuilder data;

    /** Feeds the next bytes read from the upstream; returns the events they completed. */
    public List<SseEvent> feed(byte[] bytes, int offset, int length) {
        List<SseEvent> events = new ArrayList<>(2);
        int lineStart = 0;
        byte[] buf = concat(pending, bytes, offset, length);
        for (int i = 0; i < buf.length; i++) {
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
        pending = lineStart == buf.length ? new byte[0] : java.util.Arrays.copyOfRange(buf, lineStart, buf.length);
        return events;
    }

    /** True when bytes of an unfinished event are buffered (the upstream stopped mid-event). */
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
        if (head.length == 0 && offset == 0 && length == bytes.length) {
            return bytes;
        }
        byte[] out = new byte[head.length + length];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(bytes, offset, out, head.length, length);
        return out;
    }
}
