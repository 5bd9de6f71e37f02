package dev.camelgateway.server;

import org.apache.coyote.Constants;
import org.apache.coyote.Request;
import org.apache.coyote.http11.Http11NioProtocol;
import org.apache.coyote.http11.Http11Processor;
import org.apache.tomcat.util.net.SocketEvent;
import org.apache.tomcat.util.net.SocketWrapperBase;

import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;

import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Tomcat's NIO HTTP/1.1 connector with a deadline on a request's line and headers. Tomcat's own timeouts restart
 * at every byte, so a client that trickles a header byte every few seconds holds its connection forever, and a few
 * thousand such connections fill the connection table and the heap. Four times a second this closes connections
 * still parsing a request started more than {@code headerTimeout} ago, the way Tomcat closes a timed-out socket.
 * Set as the connector's protocol ({@link TomcatLimits}); {@code headerTimeout} is a connector property in ms.
 */
public class HeaderDeadlineProtocol extends Http11NioProtocol {
    private volatile long headerTimeoutNanos = TimeUnit.SECONDS.toNanos(10);
    private ScheduledFuture<?> sweeper;

    /** Makes the factory's connector this protocol, with the given deadline, and caps its connections. */
    static void install(TomcatServletWebServerFactory factory, Duration headerTimeout, int maxConnections) {
        factory.setProtocol(HeaderDeadlineProtocol.class.getName());
        factory.addConnectorCustomizers(connector -> {
            HeaderDeadlineProtocol protocol = (HeaderDeadlineProtocol) connector.getProtocolHandler();
            protocol.setHeaderTimeout((int) headerTimeout.toMillis());
            protocol.setMaxConnections(maxConnections);
        });
    }

    public void setHeaderTimeout(int millis) {
        this.headerTimeoutNanos = TimeUnit.MILLISECONDS.toNanos(millis);
    }

    public int getHeaderTimeout() {
        return (int) TimeUnit.NANOSECONDS.toMillis(headerTimeoutNanos);
    }

    @Override
    public void start() throws Exception {
        super.start();
        sweeper = getUtilityExecutor().scheduleWithFixedDelay(this::closeLateHeaders, 250, 250, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() throws Exception {
        if (sweeper != null) {
            sweeper.cancel(false);
        }
        super.stop();
    }

    /**
     * Not yet in service: a pooled processor keeps the stage of its last request (ended, keep-alive) until the next
     * one is parsed, and the request's start time is set at its first byte and cleared when it is recycled.
     */
    private static boolean readingHeaders(int stage) {
        return stage == Constants.STAGE_NEW || stage == Constants.STAGE_PARSE || stage == Constants.STAGE_KEEPALIVE
                || stage == Constants.STAGE_ENDED;
    }

    @SuppressWarnings({"unchecked", "rawtypes"}) // the endpoint's wrappers are all of its own socket type
    void closeLateHeaders() {
        long now = System.nanoTime();
        for (SocketWrapperBase<?> connection : getEndpoint().getConnections()) {
            if (connection.getCurrentProcessor() instanceof Http11Processor processor && !processor.isAsync()
                    && !processor.isUpgrade()) { // an async answer (the demo upstream's SSE) is being served
                Request request = processor.getRequest();
                long started = request.getStartTimeNanos();
                if (readingHeaders(request.getRequestProcessor().getStage()) && started > 0 && now - started > headerTimeoutNanos) {
                    connection.setError(new SocketTimeoutException("request headers not complete in time"));
                    if (!getEndpoint().processSocket((SocketWrapperBase) connection, SocketEvent.ERROR, true)) {
                        connection.close();
                    }
                }
            }
        }
    }
}
