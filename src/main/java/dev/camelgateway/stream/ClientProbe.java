package dev.camelgateway.stream;

import org.apache.coyote.ActionCode;
import org.apache.coyote.Request;

/**
 * Learns whether the client closed its connection while nothing is being written to it (before a stream's first
 * event, or while a whole answer is awaited). Tomcat notices a gone client only on a read or a write; this asks
 * Tomcat for a non-blocking read of the socket ({@link ActionCode#AVAILABLE}), which finds the end of the connection.
 * Only used once the request body has been read: any byte then means the client closed (or pipelined a second
 * request, which no SDK does).
 */
public final class ClientProbe {
    /** The request attribute that carries it ({@code server.ClientProbeValve} sets it). */
    public static final String ATTRIBUTE = ClientProbe.class.getName();
    private final Request coyote;
    private boolean retired;

    public ClientProbe(Request coyote) {
        this.coyote = coyote;
    }

    /**
     * True when the client's connection has ended. Never blocks (beyond a probe in progress on another thread); false
     * once the request is over.
     */
    public synchronized boolean clientGone() {
        if (retired) {
            return false;
        }
        try {
            coyote.action(ActionCode.AVAILABLE, Boolean.TRUE); // Tomcat reads without blocking; EOF shows as 1
            return coyote.getAvailable() > 0;
        } catch (RuntimeException e) {
            return false; // a recycled request: the exchange is over anyway
        }
    }

    /** The request is over (its Tomcat request is recycled next): from now on the probe never touches it. */
    public synchronized void retire() {
        retired = true;
    }
}
