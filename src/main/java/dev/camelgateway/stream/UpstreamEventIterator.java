package dev.camelgateway.stream;

import dev.camelgateway.resilience.UpstreamTimeoutException;
import dev.camelgateway.resilience.UpstreamWatchdog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Iterator;

/**
 * The upstream body as a lazy sequence of {@link SseEvent}s for Camel's streaming splitter, cut by the provider's
 * {@link EventParser}. {@code hasNext()} never
 * blocks (the splitter calls it before processing each part, which would otherwise hold every event back until the
 * next one arrived); {@code next()} blocks for the next event and returns {@link SseEvent#END} when the body ends.
 */
public final class UpstreamEventIterator implements Iterator<SseEvent> {
    private final InputStream in;
    private final UpstreamWatchdog.Watch watch;
    private final EventParser parser;
    private final ArrayDeque<SseEvent> ready = new ArrayDeque<>();
    private final byte[] buffer = new byte[8192];
    private boolean eof;
    private boolean endReturned;

    /** @param watch the watchdog of this body, told about each event; null when nothing watches it */
    public UpstreamEventIterator(InputStream in, UpstreamWatchdog.Watch watch) {
        this(in, watch, StreamFraming.SSE);
    }

    /** @param framing how the provider frames its stream (SSE, the AWS event stream) */
    public UpstreamEventIterator(InputStream in, UpstreamWatchdog.Watch watch, StreamFraming framing) {
        this.in = in;
        this.watch = watch;
        this.parser = framing.newParser();
    }

    @Override
    public boolean hasNext() {
        return !endReturned;
    }

    @Override
    public SseEvent next() {
        while (ready.isEmpty() && !eof) {
            try {
                int n = in.read(buffer);
                if (n < 0) {
                    eof = true;
                } else {
                    ready.addAll(parser.feed(buffer, 0, n));
                    if (watch != null && !ready.isEmpty()) {
                        watch.eventReceived();
                    }
                }
            } catch (IOException e) {
                eof = true;
                endReturned = true;
                throw cutOrBroken(e);
            }
        }
        if (ready.isEmpty()) {
            endReturned = true;
            return SseEvent.END;
        }
        return ready.poll();
    }

    /**
     * True when the next event is already parsed, or its bytes are already in the HTTP client's buffer: then
     * {@link #next()} will not wait for the network, and the writer can leave the flush to the last event of a burst.
     */
    public boolean moreBuffered() {
        if (endReturned) {
            return false;
        }
        if (!ready.isEmpty()) {
            return true;
        }
        try {
            return !eof && in.available() > 0;
        } catch (IOException e) {
            return false; // the next read reports it
        }
    }

    /**
     * Ends the sequence early: the splitter walks the rest of its source when a part failed (to release it), and a
     * failed stream must not be read on.
     */
    public void stop() {
        endReturned = true;
    }

    /** A read that failed because the watchdog cut it reports the budget that ran out (or the client that left). */
    private RuntimeException cutOrBroken(IOException e) {
        UpstreamTimeoutException timeout = watch == null ? null : watch.toException();
        if (timeout == null) {
            return new UncheckedIOException(e);
        }
        if (UpstreamTimeoutException.CLIENT_GONE.equals(timeout.error().code())) {
            return new UncheckedIOException(new ClientDisconnectedException(e));
        }
        return timeout;
    }
}
