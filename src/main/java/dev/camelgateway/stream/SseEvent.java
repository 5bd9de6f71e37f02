package dev.camelgateway.stream;

/**
 * One server-sent event as received from an upstream.
 *
 * @param event the {@code event:} field, or null when absent (OpenAI-style data-only streams)
 * @param data  the {@code data:} lines joined with {@code \n}
 */
public record SseEvent(String event, String data) {
}
