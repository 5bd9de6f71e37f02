package dev.camelgateway.stream;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Iterator;

/**
 * The upstream body as a lazy sequence of {@link SseEvent}s for Camel's streaming splitter. {@code hasNext()} never
 * blocks (the splitter calls it before processing each part, which would otherwise hold every event back until the
 * next one arrived); {@code next()} blocks for the next event and returns {@link SseEvent#END} when the body ends.
 */
public final class UpstreamEventIterator implements Iterator<SseEvent> {
    private final InputStream in;
    private final SseEventParser parser = new SseEventParser();
    private final ArrayDeque<SseEvent> ready = new ArrayDeque<>();
    private final byte[] buffer = new byte[8192];
    private boolean eof;
    private boolean endReturned;

    public UpstreamEventIterator(InputStream in) {
        this.in = in;
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
                }
            } catch (IOException e) {
                eof = true;
                throw new UncheckedIOException(e);
            }
        }
        if (ready.isEmpty()) {
            endReturned = true;
            return SseEvent.END;
        }
        return ready.poll();
    }
}
