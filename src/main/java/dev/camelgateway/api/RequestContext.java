package dev.camelgateway.api;

import dev.camelgateway.provider.StreamMapper;
import dev.camelgateway.resilience.UpstreamWatchdog;
import dev.camelgateway.routing.Target;
import dev.camelgateway.stream.SseResponse;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.camel.Exchange;

import java.util.List;
import java.util.UUID;

/**
 * Per-request state shared by every step of one client request, kept in the exchange property
 * {@value #PROPERTY}. Split and wire-tap copies share the same instance, so the attempt count and the
 * client stream are seen by all of them.
 */
public final class RequestContext {
    public static final String PROPERTY = "gateway";

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
    private SseResponse sse;

    public RequestContext(String clientRequestId, HttpServletResponse servletResponse) {
        this.clientRequestId = clientRequestId;
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

    public String clientRequestId() {
        return clientRequestId;
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

    public void target(Target target) {
        this.target = target;
    }

    public int attempts() {
        return attempts;
    }

    public void countAttempt() {
        attempts++;
        attemptsOnTarget++;
        attemptStartNanos = System.nanoTime();
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
        attemptsOnTarget = 0;
        failure = null;
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
