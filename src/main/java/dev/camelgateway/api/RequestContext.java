package dev.camelgateway.api;

import dev.camelgateway.resilience.FailureRoute;
import dev.camelgateway.keys.GatewayKey;
import dev.camelgateway.provider.Attempt;
import dev.camelgateway.quota.Reservation;
import dev.camelgateway.stream.ClientProbe;
import dev.camelgateway.routing.Target;
import dev.camelgateway.stream.ClientStream;
import dev.camelgateway.stream.SseResponse;
import dev.camelgateway.stream.StreamContinuation;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.camel.Exchange;

import java.util.List;
import java.util.UUID;

/**
 * One client request, kept in the exchange property {@value #PROPERTY} and shared by every exchange copy of it
 * (circuit breaker, splitter): its identity and the request as read, the fallback chain with the last target's
 * failure, the current upstream {@link Attempt} (a new object per attempt), and the client stream.
 */
public final class RequestContext {
    public static final String PROPERTY = "gateway";
    private static final int MAX_CLIENT_ID = 256;
    private static final int MAX_SESSION_ID = 128;

    private final String requestId = "req_" + UUID.randomUUID().toString().replace("-", "");
    private final String clientRequestId;
    private final HttpServletResponse servletResponse;
    private final long startNanos = System.nanoTime();
    private volatile long deadlineNanos = startNanos + java.time.Duration.ofMinutes(10).toNanos();
    private volatile ClientRequest request;
    private volatile GatewayKey key;
    private volatile Reservation reservation;
    // the fallback chain (owned by the deployments route)
    private volatile List<Target> chain = List.of();
    private volatile int chainIndex = -1;
    private volatile Target target;
    private volatile GatewayException failure;
    private volatile FailureRoute failureRoute = FailureRoute.FINAL;
    private volatile List<Target> contextChain = List.of();
    private volatile boolean onContextChain;
    // the upstream attempts (each owned by one pass of an attempt route)
    private volatile Attempt attempt;
    private int attempts;
    private long upstreamNanos;
    private volatile String outcome = "success";
    private SseResponse sse;
    private volatile StreamContinuation continuation;
    private volatile boolean attemptStarted;
    // the client's side: the API it speaks
    private volatile ClientApi clientApi;
    private volatile ClientProbe clientProbe;
    private volatile String clientSessionId;

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

    /**
     * How log lines name the request: its id, and the caller's key and team once known ({@code req_… key=ci team=platform}).
     * Ids of keys and teams are plain (KeyIds), so they need no escaping.
     */
    public String logName() {
        GatewayKey caller = key;
        if (caller == null) {
            return requestId;
        }
        return requestId + " key=" + caller.id() + (caller.team() == null ? "" : " team=" + caller.team());
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
        return Bounded.printable(clientRequestId, MAX_CLIENT_ID);
    }

    /** The client's own session id (Claude Code's {@code X-Claude-Code-Session-Id}), as the ledger keeps it, or null. */
    public String clientSessionId() {
        return clientSessionId;
    }

    /** Bounded where it enters, as {@link #clientRequestId()}: printable, at most {@value #MAX_SESSION_ID} characters. */
    public void clientSessionId(String clientSessionId) {
        this.clientSessionId = Bounded.printable(clientSessionId, MAX_SESSION_ID);
    }

    /** Whether the client is still connected, asked while nothing is written to it; null outside Tomcat. */
    public ClientProbe clientProbe() {
        return clientProbe;
    }

    public void clientProbe(ClientProbe clientProbe) {
        this.clientProbe = clientProbe;
    }

    public long startNanos() {
        return startNanos;
    }

    /** The caller's gateway key (null before authentication, and when authentication is off). */
    public GatewayKey key() {
        return key;
    }

    public void key(GatewayKey key) {
        this.key = key;
    }

    /** What the request holds of its key's and team's limits (null: no limits, or admitted while the store was down). */
    public Reservation reservation() {
        return reservation;
    }

    public void reservation(Reservation reservation) {
        this.reservation = reservation;
    }

    /** The request as the client's API sent it (null until its reader ran). */
    public ClientRequest request() {
        return request;
    }

    public void request(ClientRequest request) {
        this.request = request;
    }

    public Target target() {
        return target;
    }

    public synchronized int attempts() {
        return attempts;
    }

    /** A new upstream attempt on the current target starts: a fresh {@link Attempt}, nothing carried over. */
    public synchronized Attempt startAttempt() {
        attempts++;
        attemptStarted = true;
        attempt = new Attempt(attempts, attemptsOnTarget() + 1, target, target.provider().getTimeouts().within(remaining()));
        return attempt;
    }

    /** The request's deadline ({@code gateway.request-timeout} after it arrived); set by the request's first step. */
    public void deadline(java.time.Duration requestTimeout) {
        this.deadlineNanos = startNanos + requestTimeout.toNanos();
    }

    /** What remains until the request's deadline (negative once past it). */
    public java.time.Duration remaining() {
        return java.time.Duration.ofNanos(deadlineNanos - System.nanoTime());
    }

    /** The attempt running or last run (null before the first). */
    public Attempt attempt() {
        return attempt;
    }

    /** The request's outcome for metrics: success, error, interrupted or client_aborted. */
    public String outcome() {
        return failure != null && "success".equals(outcome) ? "error" : outcome;
    }

    public void outcome(String outcome) {
        this.outcome = outcome;
    }

    /** Time spent waiting on upstreams, all attempts: the rest of a request's time is the gateway's overhead. */
    public synchronized long upstreamNanos() {
        return upstreamNanos;
    }

    public synchronized void addUpstreamNanos(long nanos) {
        upstreamNanos += nanos;
    }

    /** Attempts made on the current target (0 until one was sent: an open breaker sends none). */
    public int attemptsOnTarget() {
        Attempt current = attempt;
        return current != null && current.target() == target ? current.numberOnTarget() : 0;
    }

    /** The targets to try in order: the resolved model, then its fallbacks. */
    public void chain(List<Target> chain) {
        chain(chain, List.of());
    }

    /** The chain, and the alias's {@code context-fallbacks}: where a prompt too long for a target goes instead. */
    public void chain(List<Target> chain, List<Target> contextChain) {
        this.chain = List.copyOf(chain);
        this.chainIndex = -1;
        this.contextChain = List.copyOf(contextChain);
        this.onContextChain = false;
    }

    /** Moves to the next target of the chain; false when there is none. Clears the previous target's failure. */
    public boolean advance() {
        if (chainIndex + 1 >= chain.size()) {
            return false;
        }
        chainIndex++;
        target = chain.get(chainIndex);
        failure = null;
        return true;
    }

    /** The last target's failure, kept so that the next target can be tried before anything is answered. */
    public GatewayException failure() {
        return failure;
    }

    /** Where the chain goes after the last target's failure (FINAL: nowhere). */
    public FailureRoute failureRoute() {
        return failureRoute;
    }

    public void failure(GatewayException failure, FailureRoute route) {
        this.failure = failure;
        this.failureRoute = route;
    }

    /**
     * After a prompt too long: the next of the alias's context-fallbacks (the rest of the ordinary chain has no larger
     * window to offer, so the chain becomes them); false when none is left.
     */
    public boolean advanceToLargerContext() {
        if (!onContextChain) {
            if (contextChain.isEmpty()) {
                return false;
            }
            chain = contextChain;
            chainIndex = -1;
            onContextChain = true;
        }
        return advance();
    }

    /** The API the client speaks (set by its route's first steps; null before). */
    public ClientApi clientApi() {
        return clientApi;
    }

    public void clientApi(ClientApi clientApi) {
        this.clientApi = clientApi;
    }

    /**
     * The client stream of this request (one for every attempt); its headers are computed when it commits, so they
     * carry the attempt count and provider of the attempt that answered.
     */
    public synchronized SseResponse sse() {
        if (sse == null) {
            sse = new SseResponse(servletResponse, () -> ResponseHeaders.of(this));
        }
        return sse;
    }

    /** True once bytes of a stream went to the client: from then on errors travel as an SSE event. */
    public synchronized boolean streamCommitted() {
        return sse != null && sse.committed();
    }

    /**
     * The next attempt is being prepared: until it starts (a mapper's refusal, an open breaker), a failure is not the
     * last attempt's.
     */
    public void prepareAttempt() {
        attemptStarted = false;
    }

    /** How a broken stream of this request is continued (null: its alias terminates broken streams). */
    public StreamContinuation continuation() {
        return continuation;
    }

    public void continuation(StreamContinuation continuation) {
        this.continuation = continuation;
    }

    /**
     * True when the current attempt's failure reaches a client that has bytes of it: a break. A continuation attempt
     * that sent nothing yet fails as one before the first byte (retried, or the next target), though the stream is
     * committed.
     */
    public boolean attemptCommitted() {
        StreamContinuation current = continuation;
        Attempt now = attempt;
        return streamCommitted() && (current == null || !current.continuing()
                || (attemptStarted && now != null && now.firstByteNanos() != 0));
    }

    /** The stream whose encoder speaks to the client now: the attempt's, or the last one a continuation had. */
    public ClientStream clientStream() {
        Attempt now = attempt;
        if (now != null && now.stream() != null) {
            return now.stream();
        }
        return continuation == null ? null : continuation.lastStream();
    }
}
