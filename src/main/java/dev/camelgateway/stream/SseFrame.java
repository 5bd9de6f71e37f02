package dev.camelgateway.stream;

/**
 * One server-sent event as the client receives it: an optional {@code event:} name (Chat Completions sends none) and
 * its {@code data:}, which is one line (JSON has no raw newlines).
 */
public record SseFrame(String event, String data) {

    public static SseFrame data(String data) {
        return new SseFrame(null, data);
    }
}
