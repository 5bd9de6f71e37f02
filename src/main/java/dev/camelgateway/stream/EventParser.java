package dev.camelgateway.stream;

import java.util.List;

/**
 * Bytes of an upstream stream body → its events, whatever the wire framing ({@link StreamFraming}). Fed each read as
 * it comes; keeps an unfinished event's bytes until the next read completes it.
 */
public interface EventParser {

    /** Feeds the next bytes read from the upstream; returns the events they completed. */
    List<SseEvent> feed(byte[] bytes, int offset, int length);

    /** True when bytes of an unfinished event are buffered (the upstream stopped mid-event). */
    boolean hasPartialEvent();
}
