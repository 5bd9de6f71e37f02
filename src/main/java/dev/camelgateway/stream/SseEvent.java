package dev.camelgateway.stream;

/**
 * One server-sent event as received from an upstream.
 *
 * @param event the {@code event:} field, or null when absent (OpenAI-style data-only streams)
 * @param data  the {@code data:} lines joined with {@code \n}
 */
public record SseEvent(String event, String data) {
    /** Marks the end of the upstream body in the event sequence; it carries nothing and maps to nothing. */
    public static final SseEvent END = new SseEvent(null, null);
}
