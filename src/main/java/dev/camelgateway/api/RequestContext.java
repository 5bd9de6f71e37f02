package dev.camelgateway.api;

import dev.camelgateway.provider.StreamMapper;
import dev.camelgateway.provider.UpstreamResponseHeaders;
import dev.camelgateway.resilience.UpstreamWatchdog;
import dev.camelgateway.routing.Target;
import dev.camelgateway.stream.SseResponse;
import dev.camelgateway.stream.UpstreamEventIterator;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.camel.Exchange;

import dev.camelgateway.usage.Usage;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Per-request state shared by every step of one client request, kept in the exchange property
 * {@value #PROPERTY}. Split and wire-tap copies share the same instance, so the attempt count and the
 * client stream are seen by all of them.
 */
public final class RequestContext {
    public static final String PROPERTY = "gateway";
    private static final int MAX_CLIENT_ID = 256;

    private final String requestId = "req_" + UUID.randomUUID().toString().replace("-", "");
    private final String clientRequestId;
    private final HttpServletResponse servletResponse;
    private final long startNanos = System.nanoTime();
    private volatile ChatRequest request;
    private volatile Target target;
    private volatile List<Target> chain = List.of();
    private volatile int chainIndex = -1;
    private volatile int attempts;
    private volatile int attemptsOnTarget;
    private volatile GatewayException failure;
    private volatile boolean failureAllowsFallback;
    private volatile long attemptStartNanos;
    private volatile UpstreamWatchdog.Watch watch;
    private volatile StreamMapper streamMapper;
    private volatile UpstreamEventIterator events;
    private volatile Instant attemptStartedAt;
    private volatile long firstByteNanos;
    private volatile long upstreamNanos;
    private volatile Usage reportedUsage;
    private final StringBuilder outputText = new StringBuilder();
    private volatile boolean attemptOpen;
    private volatile String outcome = "success";
    /** Sentinel of {@link #takeRetryDelay()}: the current target has not been tried yet. */
    public static final long FIRST_ATTEMPT = -2;
    private long retryDelay = FIRST_ATTEMPT;
    private SseResponse sse;
    private volatile UpstreamResponseHeaders upstreamHeaders = UpstreamResponseHeaders.NONE;

    public RequestContext(String clientRequestId, HttpServletResponse servletResponse) {
        this.clientRequestId = bounded(clientRequestId);
        this.servletResponse = servletResponse;
    }

    public static RequestContext of(Exchange exchange) {
        RequestContext context = exchange.getProperty(PROPERTY, RequestContext.class);
        if (context == null) {
            throw new IllegalStateException("no gateway request context on exchange " + exchange.getExchangeId());
        }
        return context;
    }

    public String requestId() {
        return requestId;
    }

    /** The client's own {@code x-request-id}: printable and at most {@value #MAX_CLIENT_ID} characters, or null. */
    public String clientRequestId() {
        return clientRequestId;
    }

    /**
     * Bounded where it enters: it is echoed as a header and stored in the ledger's 256-character column, where a longer
     * value was a row the database refused and the ledger writer retried for ever.
     */
    private static String bounded(String clientRequestId) {
        if (clientRequestId == null) {
            return null;
        }
        String printable = clientRequestId.replaceAll("[^\\x20-\\x7E]", "").strip();
        return printable.isEmpty() ? null : printable.substring(0, Math.min(printable.length(), MAX_CLIENT_ID));
    }

    public HttpServletResponse servletResponse() {
        return servletResponse;
    }

    public long startNanos() {
        return startNanos;
    }

    public ChatRequest request() {
        return request;
    }

    public void request(ChatRequest request) {
        this.request = request;
    }

    public Target target() {
        return target;
    }

    public int attempts() {
        return attempts;
    }

    /** A new upstream attempt starts: its clocks, reported usage and output text start afresh. */
    public synchronized void countAttempt() {
        attempts++;
        attemptsOnTarget++;
        attemptStartNanos = System.nanoTime();
        attemptStartedAt = Instant.now();
        firstByteNanos = 0;
        reportedUsage = null;
        streamMapper = null; // a retried attempt that fails before its stream starts has no usage of the previous one
        events = null;
        outputText.setLength(0);
        attemptOpen = true;
        upstreamHeaders = UpstreamResponseHeaders.NONE;
    }

    /** A failed attempt is to be retried after this many milliseconds. */
    public synchronized void retryDelay(long millis) {
        retryDelay = millis;
    }

    /**
     * For the attempt loop: {@link #FIRST_ATTEMPT} before the target's first attempt, the wait before a retry, or −1
     * when there is nothing more to try. Taking it clears it.
     */
    public synchronized long takeRetryDelay() {
        long taken = retryDelay;
        retryDelay = -1;
        return taken;
    }

    /** True once, for the attempt that is running: its ledger row is written exactly once. */
    public synchronized boolean closeAttempt() {
        boolean wasOpen = attemptOpen;
        attemptOpen = false;
        return wasOpen;
    }

    /** The request's outcome for metrics: success, error, interrupted or client_aborted. */
    public String outcome() {
        return failure != null && "success".equals(outcome) ? "error" : outcome;
    }

    public void outcome(String outcome) {
        this.outcome = outcome;
    }

    public Instant attemptStartedAt() {
        return attemptStartedAt;
    }

    /** When the attempt's first event reached the client (0 until then). */
    public long firstByteNanos() {
        return firstByteNanos;
    }

    public void markFirstByte() {
        if (firstByteNanos == 0) {
            firstByteNanos = System.nanoTime();
        }
    }

    /** The attempt's output so far (content and tool arguments), for token estimates when the provider reports none. */
    public synchronized void appendOutput(String text) {
        outputText.append(text);
    }

    public synchronized String outputText() {
        return outputText.toString();
    }

    public Usage reportedUsage() {
        return reportedUsage;
    }

    public void reportedUsage(Usage usage) {
        this.reportedUsage = usage;
    }

    /** Time spent waiting on upstreams, all attempts: the rest of a request's time is the gateway's overhead. */
    public long upstreamNanos() {
        return upstreamNanos;
    }

    public synchronized void addUpstreamNanos(long nanos) {
        upstreamNanos += nanos;
    }

    public long attemptStartNanos() {
        return attemptStartNanos;
    }

    /** The watchdog of the upstream body being read; setting one stops the previous one. */
    public synchronized void watch(UpstreamWatchdog.Watch watch) {
        stopWatch();
        this.watch = watch;
    }

    /** The stream mapper of the current attempt (kept here: the circuit breaker runs the attempt on a copy). */
    public StreamMapper streamMapper() {
        return streamMapper;
    }

    public void streamMapper(StreamMapper streamMapper) {
        this.streamMapper = streamMapper;
    }

    /** The split source of the current attempt's stream. */
    public void events(UpstreamEventIterator events) {
        this.events = events;
    }

    /** True when the current stream's next event can be read without waiting for the network. */
    public boolean moreEventsBuffered() {
        UpstreamEventIterator current = events;
        return current != null && current.moreBuffered();
    }

    /** Stops the current attempt's event sequence (after a failure, nothing more is read from it). */
    public void stopEvents() {
        UpstreamEventIterator current = events;
        if (current != null) {
            current.stop();
        }
    }

    public UpstreamWatchdog.Watch watch() {
        return watch;
    }

    public synchronized void stopWatch() {
        if (watch != null) {
            watch.close();
        }
    }

    /** Attempts made on the current target (its first try included). */
    public int attemptsOnTarget() {
        return attemptsOnTarget;
    }

    /** The targets to try in order: the resolved model, then its fallbacks. */
    public void chain(List<Target> chain) {
        this.chain = List.copyOf(chain);
        this.chainIndex = -1;
    }

    /** Moves to the next target of the chain; false when there is none. Clears the previous target's failure. */
    public boolean advance() {
        if (chainIndex + 1 >= chain.size()) {
            return false;
        }
        chainIndex++;
        target = chain.get(chainIndex);
        attemptsOnTarget = 0; // the provider route's attempt loop starts afresh
        retryDelay = FIRST_ATTEMPT;
        failure = null;
        upstreamHeaders = UpstreamResponseHeaders.NONE;
        return true;
    }

    public boolean hasNextTarget() {
        return chainIndex + 1 < chain.size();
    }

    /** The last target's failure, kept so that the next target can be tried before anything is answered. */
    public GatewayException failure() {
        return failure;
    }

    public boolean failureAllowsFallback() {
        return failureAllowsFallback;
    }

    public void failure(GatewayException failure, boolean allowsFallback) {
        this.failure = failure;
        this.failureAllowsFallback = allowsFallback;
    }

    /** The current attempt's upstream answer headers that travel on (rate limits, request id); NONE until it answers. */
    public UpstreamResponseHeaders upstreamHeaders() {
        return upstreamHeaders;
    }

    public void upstreamHeaders(UpstreamResponseHeaders headers) {
        this.upstreamHeaders = headers;
    }

    /** The client stream, created when the first event is written (so its headers carry the final attempt count). */
    public synchronized SseResponse sse() {
        if (sse == null) {
            sse = new SseResponse(servletResponse, ResponseHeaders.of(this));
        }
        return sse;
    }

    /** True once bytes of a stream went to the client: from then on errors travel as an SSE event. */
    public synchronized boolean streamCommitted() {
        return sse != null && sse.committed();
    }
}
