package dev.camelgateway.api;

import dev.camelgateway.routing.Target;
import dev.camelgateway.stream.SseResponse;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.camel.Exchange;

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
    private volatile int attempts;
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
