package dev.camelgateway.stream;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The client's side of a stream: {@code data:} events written straight to the servlet response and flushed as
 * soon as no further event is at hand. Nothing is committed until the first event is ready, so a failure before it can still become a plain
 * HTTP error (or a retry). Once the client is gone, every later write is skipped.
 */
public final class SseResponse {
    private static final byte[] DATA = "data: ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] END = "\n\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DONE = "data: [DONE]\n\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PING = ": ping\n\n".getBytes(StandardCharsets.US_ASCII);

    private final HttpServletResponse response;
    private final Map<String, String> headers;
    private ServletOutputStream out;
    private boolean clientGone;

    public SseResponse(HttpServletResponse response, Map<String, String> headers) {
        this.response = response;
        this.headers = headers;
    }

    public synchronized boolean committed() {
        return out != null;
    }

    /** Writes each payload as one event and flushes; commits the response (status 200, SSE headers) first. */
    public void send(List<String> payloads) throws IOException {
        send(payloads, true);
    }

    /**
     * As {@link #send(List)}; without {@code flush} the events stay in the response buffer until a later flush (the
     * caller knows more events are already at hand: one write to the client for a burst, not one per event).
     */
    public synchronized void send(List<String> payloads, boolean flush) throws IOException {
        if (payloads.isEmpty()) {
            return;
        }
        try {
            ServletOutputStream os = open();
            for (String payload : payloads) {
                os.write(DATA);
                os.write(payload.getBytes(StandardCharsets.UTF_8));
                os.write(END);
            }
            if (flush) {
                os.flush();
            }
        } catch (IOException | RuntimeException e) { // Tomcat throws IllegalStateException on a recycled response
            clientGone = true;
            throw new ClientDisconnectedException(e);
        }
    }

    public synchronized void sendDone() throws IOException {
        try {
            ServletOutputStream os = open();
            os.write(DONE);
            os.flush();
        } catch (IOException | RuntimeException e) {
            clientGone = true;
            throw new ClientDisconnectedException(e);
        }
    }

    /** Best effort: the error event of the mid-stream contract. Returns false when the client could not be told. */
    public synchronized boolean trySendError(String errorJson) {
        if (clientGone) {
            return false;
        }
        try {
            send(List.of(errorJson));
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * An SSE comment (ignored by clients) on a committed stream that is waiting for its upstream: the only way to learn
     * that the client left before the next event. Returns false when the client is gone.
     */
    public synchronized boolean ping() {
        if (clientGone || out == null) {
            return !clientGone;
        }
        try {
            out.write(PING);
            out.flush();
            return true;
        } catch (IOException | RuntimeException e) {
            clientGone = true;
            return false;
        }
    }

    private ServletOutputStream open() throws IOException {
        if (out == null) {
            response.setStatus(200);
            response.setContentType("text/event-stream;charset=UTF-8");
            response.setHeader("Cache-Control", "no-cache");
            response.setHeader("X-Accel-Buffering", "no");
            headers.forEach(response::setHeader);
            out = response.getOutputStream();
        }
        return out;
    }
}
