package dev.camelgateway.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP upstream for tests, speaking whatever wire format the test scripts: each request to a path takes
 * the next scripted {@link Reply} for that path (JSON, or SSE written piece by piece, optionally waiting on a latch
 * between pieces). Every request it received is recorded with its headers and body.
 */
public final class FakeUpstream implements AutoCloseable {
    private final HttpServer server;
    private final Map<String, BlockingDeque<Reply>> replies = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final java.util.concurrent.atomic.AtomicInteger abortedByGateway = new java.util.concurrent.atomic.AtomicInteger();
    private volatile CountDownLatch silence = new CountDownLatch(1);

    public FakeUpstream() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    public void enqueue(String path, Reply reply) {
        replies.computeIfAbsent(path, p -> new LinkedBlockingDeque<>()).add(reply);
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    /** Waits until at least {@code count} requests have arrived; false if the timeout came first. */
    public boolean awaitReceived(int count, long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        synchronized (received) {
            while (received.size() < count) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(received, left);
            }
            return true;
        }
    }

    public Received lastRequest() {
        return received.get(received.size() - 1);
    }

    public void reset() {
        silence.countDown(); // releases any reply still holding back its answer
        silence = new CountDownLatch(1);
        replies.clear();
        received.clear();
        abortedByGateway.set(0);
    }

    /** How many answers failed because the gateway closed the connection while they were being written. */
    public int abortedByGateway() {
        return abortedByGateway.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        Map<String, String> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k, String.join(",", v)));
        received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().toString(), headers,
                new String(body, StandardCharsets.UTF_8), System.nanoTime()));
        synchronized (received) {
            received.notifyAll();
        }
        BlockingDeque<Reply> queue = replies.get(exchange.getRequestURI().getPath());
        Reply reply = queue == null ? null : queue.poll();
        if (reply == null) {
            reply = Reply.json(500, "{\"error\":{\"message\":\"no reply scripted for " + exchange.getRequestURI() + "\"}}");
        }
        try {
            answer(exchange, reply);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void answer(HttpExchange exchange, Reply reply) throws IOException, InterruptedException {
        if (reply.behaviour() == Behaviour.SILENT) {
            silence.await(30, TimeUnit.SECONDS); // accepts the request and never answers (until reset)
            exchange.close();
            return;
        }
        if (reply.behaviour() == Behaviour.CLOSE_BEFORE_HEADERS) {
            throw new IllegalStateException("scripted: connection dropped before the response headers");
        }
        if (reply.headersAfterMillis() > 0) {
            Thread.sleep(reply.headersAfterMillis());
        }
        reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        OutputStream out = exchange.getResponseBody();
        String accepted = exchange.getRequestHeaders().getFirst("Accept-Encoding");
        boolean gzip = reply.gzip() == Gzip.ALWAYS
                || reply.gzip() == Gzip.WHEN_ACCEPTED && accepted != null && accepted.contains("gzip");
        try {
            if (gzip) { // as real servers do: chunked, each piece compressed and flushed on its own
                exchange.getResponseHeaders().set("Content-Encoding", "gzip");
                exchange.sendResponseHeaders(reply.status(), 0);
                out = new java.util.zip.GZIPOutputStream(out, true);
            } else if (reply.pieces().size() == 1 && reply.latches().isEmpty() && reply.behaviour() == Behaviour.NORMAL) {
                byte[] bytes = reply.pieces().get(0);
                exchange.sendResponseHeaders(reply.status(), bytes.length);
                out.write(bytes);
                out.close();
                return;
            }
            if (!gzip) {
                exchange.sendResponseHeaders(reply.status(), 0); // chunked
            }
            for (int i = 0; i < reply.pieces().size(); i++) {
                CountDownLatch gate = reply.latches().get(i);
                if (gate != null && !gate.await(20, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the test never released the upstream before piece " + i);
                }
                if (i > 0 && reply.pauseMillis() > 0) {
                    Thread.sleep(reply.pauseMillis());
                }
                out.write(reply.pieces().get(i));
                out.flush();
            }
            if (reply.behaviour() == Behaviour.CUT_AFTER_PIECES) {
                throw new IllegalStateException("scripted: connection cut before the end of the body");
            }
            if (reply.behaviour() == Behaviour.STALL_AFTER_PIECES) {
                silence.await(30, TimeUnit.SECONDS);
            }
            if (reply.behaviour() == Behaviour.HOLD_WITH_KEEPALIVE) {
                // bytes that carry nothing (an SSE comment, or JSON's leading whitespace), so that a connection the
                // gateway closed shows here as a failed write
                byte[] keepalive = ": keepalive\n\n".getBytes(StandardCharsets.US_ASCII);
                if (!"text/event-stream".equals(reply.headers().get("Content-Type"))) {
                    keepalive = " ".getBytes(StandardCharsets.US_ASCII);
                }
                while (!silence.await(100, TimeUnit.MILLISECONDS)) {
                    out.write(keepalive);
                    out.flush();
                }
            }
            out.close();
        } catch (IOException e) {
            abortedByGateway.incrementAndGet(); // the gateway went away (e.g. it aborted the call)
        }
    }

    /** What the upstream received. */
    public record Received(String method, String uri, Map<String, String> headers, String body, long nanos) {
    }

    /** How a scripted reply ends. */
    public enum Behaviour { NORMAL, SILENT, CLOSE_BEFORE_HEADERS, CUT_AFTER_PIECES, STALL_AFTER_PIECES, HOLD_WITH_KEEPALIVE }

    /** Whether the body is gzip-encoded: never, when the request's Accept-Encoding allows it (as servers do), always. */
    public enum Gzip { NEVER, WHEN_ACCEPTED, ALWAYS }

    /**
     * A scripted answer: status, headers, and the body as pieces written (and flushed) one after the other; a latch
     * keyed by piece index is awaited before that piece is written.
     */
    public record Reply(int status, Map<String, String> headers, List<byte[]> pieces, Map<Integer, CountDownLatch> latches,
                        Behaviour behaviour, long pauseMillis, Gzip gzip, long headersAfterMillis) {

        public Reply(int status, Map<String, String> headers, List<byte[]> pieces, Map<Integer, CountDownLatch> latches) {
            this(status, headers, pieces, latches, Behaviour.NORMAL, 0);
        }

        public Reply(int status, Map<String, String> headers, List<byte[]> pieces, Map<Integer, CountDownLatch> latches,
                     Behaviour behaviour, long pauseMillis) {
            this(status, headers, pieces, latches, behaviour, pauseMillis, Gzip.NEVER, 0);
        }

        /** Gzip-encodes the body when the request accepts it, as real servers do (Anthropic gzips streams). */
        public Reply gzipWhenAccepted() {
            return new Reply(status, headers, pieces, latches, behaviour, pauseMillis, Gzip.WHEN_ACCEPTED, headersAfterMillis);
        }

        /** Waits this long before sending the response headers (a slow whole answer). */
        public Reply headersAfter(long millis) {
            return new Reply(status, headers, pieces, latches, behaviour, pauseMillis, gzip, millis);
        }

        /**
         * After its pieces, holds the answer (until reset) while writing bytes that carry nothing every 100 ms; a
         * write that fails because the gateway closed the connection counts in {@link #abortedByGateway()}.
         */
        public Reply thenHold() {
            return new Reply(status, headers, pieces, latches, Behaviour.HOLD_WITH_KEEPALIVE, pauseMillis, gzip, headersAfterMillis);
        }

        /** Accepts the request and never answers. */
        public static Reply silent() {
            return new Reply(200, Map.of(), List.of(), Map.of(), Behaviour.SILENT, 0);
        }

        /** Drops the connection without a response. */
        public static Reply closeBeforeHeaders() {
            return new Reply(200, Map.of(), List.of(), Map.of(), Behaviour.CLOSE_BEFORE_HEADERS, 0);
        }

        /** After its pieces, drops the connection mid-body (no end of the chunked body). */
        public Reply thenCut() {
            return new Reply(status, headers, pieces, latches, Behaviour.CUT_AFTER_PIECES, pauseMillis, gzip, headersAfterMillis);
        }

        /** After its pieces, keeps the connection open and sends nothing more. */
        public Reply thenStall() {
            return new Reply(status, headers, pieces, latches, Behaviour.STALL_AFTER_PIECES, pauseMillis, gzip, headersAfterMillis);
        }

        /** Waits this long before each piece after the first. */
        public Reply paced(long millis) {
            return new Reply(status, headers, pieces, latches, behaviour, millis, gzip, headersAfterMillis);
        }

        public static Reply json(int status, String body) {
            return json(status, body, Map.of());
        }

        public static Reply json(int status, String body, Map<String, String> headers) {
            Map<String, String> h = new java.util.LinkedHashMap<>(headers);
            h.put("Content-Type", "application/json");
            return new Reply(status, h, List.of(body.getBytes(StandardCharsets.UTF_8)), Map.of());
        }

        /** Server-sent events, one piece per event ({@code data: …\n\n} framing added). */
        public static Reply sse(List<String> dataPayloads) {
            List<byte[]> pieces = new ArrayList<>();
            for (String data : dataPayloads) {
                pieces.add(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
            }
            return raw(pieces, Map.of());
        }

        /** Pieces of raw bytes, for exact framing tests; a latch at index i holds piece i back. */
        public static Reply raw(List<byte[]> pieces, Map<Integer, CountDownLatch> latches) {
            return new Reply(200, Map.of("Content-Type", "text/event-stream"), pieces, latches);
        }

        /** A recorded SSE body (any framing, {@code event:} lines included), written one event at a time. */
        public Reply withRawSse(String body) {
            List<byte[]> events = new ArrayList<>();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?s).*?(\r\n\r\n|\n\n|$)").matcher(body);
            while (m.find() && m.end() > m.start()) {
                events.add(body.substring(m.start(), m.end()).getBytes(StandardCharsets.UTF_8));
            }
            return new Reply(status, headers, events, latches, behaviour, pauseMillis, gzip, headersAfterMillis);
        }

        /** The same reply with one more response header. */
        public Reply withHeader(String name, String value) {
            Map<String, String> h = new java.util.LinkedHashMap<>(headers);
            h.put(name, value);
            return new Reply(status, h, pieces, latches, behaviour, pauseMillis);
        }

        public Reply withLatch(int pieceIndex, CountDownLatch latch) {
            Map<Integer, CountDownLatch> l = new java.util.HashMap<>(latches);
            l.put(pieceIndex, latch);
            return new Reply(status, headers, pieces, l, behaviour, pauseMillis, gzip, headersAfterMillis);
        }
    }
}
