package dev.camelgateway.stream;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The client's side of a stream: {@code data:} events written straight to the servlet response and flushed as
 * soon as no further event is at hand. Nothing is committed until the first event is ready, so a failure before it
 * can still become a plain HTTP error (or a retry); the headers are computed then, so they name the attempt that
 * answered. Once the client is gone, every later write is skipped.
 */
public final class SseResponse {
    private static final byte[] EVENT = "event: ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DATA = "data: ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NEWLINE = "\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] END = "\n\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PING = ": ping\n\n".getBytes(StandardCharsets.US_ASCII);

    private final HttpServletResponse response;
    private final Supplier<Map<String, String>> headers;
    /** Held for each write: a write to a client that does not read can block for as long as Tomcat lets it. */
    private final ReentrantLock lock = new ReentrantLock();
    private volatile ServletOutputStream out;
    private volatile boolean clientGone;
    private volatile long lastWriteNanos;
    private boolean unflushed;

    /** @param headers the gateway's headers, asked for when the stream commits */
    public SseResponse(HttpServletResponse response, Supplier<Map<String, String>> headers) {
        this.response = response;
        this.headers = headers;
    }

    /** Never waits for a write in progress: the watchdog asks this of every stream it watches. */
    public boolean committed() {
        return out != null;
    }

    /** Writes each frame as one event and flushes; commits the response (status 200, SSE headers) first. */
    public void send(List<SseFrame> frames) throws IOException {
        send(frames, true);
    }

    /**
     * As {@link #send(List)}; without {@code flush} the events stay in the response buffer until a later flush (the
     * caller knows more events are already at hand: one write to the client for a burst, not one per event). An
     * empty list with {@code flush} still flushes what an earlier call left in the buffer: the event that was "at
     * hand" may have mapped to nothing.
     */
    public void send(List<SseFrame> frames, boolean flush) throws IOException {
        lock.lock();
        try {
            if (frames.isEmpty() && !(flush && unflushed)) {
                return;
            }
            ServletOutputStream os = open();
            for (SseFrame frame : frames) {
                if (frame.event() != null) {
                    os.write(EVENT);
                    os.write(frame.event().getBytes(StandardCharsets.UTF_8));
                    os.write(NEWLINE);
                }
                os.write(DATA);
                os.write(frame.data().getBytes(StandardCharsets.UTF_8));
                os.write(END);
            }
            unflushed = !flush;
            if (flush) {
                os.flush();
            }
            lastWriteNanos = System.nanoTime();
        } catch (IOException | RuntimeException e) { // Tomcat throws IllegalStateException on a recycled response
            clientGone = true;
            throw new ClientDisconnectedException(e);
        } finally {
            lock.unlock();
        }
    }

    /** Best effort: the error event(s) of the mid-stream contract. Returns false when the client could not be told. */
    public boolean trySend(List<SseFrame> frames) {
        if (clientGone) {
            return false;
        }
        try {
            send(frames);
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** When the client was last written to (an event, a ping; System.nanoTime), 0 before. */
    public long lastWriteNanos() {
        return lastWriteNanos;
    }

    /** True once a write or a ping failed: the client is gone. */
    public boolean clientGone() {
        return clientGone;
    }

    /**
     * An SSE comment (ignored by clients) on a committed stream that is waiting for its upstream: the only way to learn
     * that the client left before the next event. Returns false when the client is gone. Skipped while another write
     * (or ping) is in progress, which learns about the client itself; the write itself may block on a client that does
     * not read, so the watchdog runs it on its ping pool, never on its timer.
     */
    public boolean ping() {
        if (clientGone || out == null) {
            return !clientGone;
        }
        if (!lock.tryLock()) {
            return true;
        }
        try {
            out.write(PING);
            out.flush();
            unflushed = false;
            lastWriteNanos = System.nanoTime();
            return true;
        } catch (IOException | RuntimeException e) {
            clientGone = true;
            return false;
        } finally {
            lock.unlock();
        }
    }

    private ServletOutputStream open() throws IOException {
        if (out == null) {
            response.setStatus(200);
            response.setContentType("text/event-stream;charset=UTF-8");
            response.setHeader("Cache-Control", "no-cache");
            response.setHeader("X-Accel-Buffering", "no");
            headers.get().forEach(response::setHeader);
            out = response.getOutputStream();
        }
        return out;
    }
}
