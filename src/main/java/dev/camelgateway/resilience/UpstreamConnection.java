package dev.camelgateway.resilience;

import org.apache.hc.client5.http.io.ConnectionEndpoint;
import org.apache.hc.core5.io.CloseMode;

import java.io.IOException;

/**
 * The pooled connection of one upstream attempt, so that another thread (the watchdog) can cut the call while it
 * waits for the answer's headers, where no response stream exists yet to abort. The attempt announces itself on its
 * thread ({@link #begin()}) just before the call; {@link AbortableConnections} attaches the connection it leases on
 * that thread. A failure the cut caused is reported as the cut's reason (the client left, a budget ran out).
 */
public final class UpstreamConnection {
    private static final ThreadLocal<UpstreamConnection> STARTING = new ThreadLocal<>();
    private volatile ConnectionEndpoint endpoint;
    private volatile Exception reason;

    private UpstreamConnection() {
    }

    /** The attempt about to call its upstream on this thread. */
    public static UpstreamConnection begin() {
        UpstreamConnection connection = new UpstreamConnection();
        STARTING.set(connection);
        return connection;
    }

    /** The attempt whose call leases a connection on this thread now (once: the thread forgets it). */
    static UpstreamConnection claim() {
        UpstreamConnection connection = STARTING.get();
        STARTING.remove();
        return connection;
    }

    void attach(ConnectionEndpoint leased) {
        endpoint = leased;
        if (reason != null) {
            leased.close(CloseMode.IMMEDIATE);
        }
    }

    /** Closes the connection at once (a blocked read fails); {@code why} is what the attempt then fails with. */
    public void abort(Exception why) {
        reason = why;
        ConnectionEndpoint leased = endpoint;
        if (leased != null) {
            leased.close(CloseMode.IMMEDIATE); // no-op once the endpoint went back to the pool
        }
    }

    /**
     * Before each step of the call (connect, send): a cut that came earlier, while the lease or the connect was awaited,
     * stops the call here, so nothing is sent for a client that left. HttpClient would otherwise open a fresh connection
     * in place of the one the cut closed.
     */
    void ensureNotCut() throws IOException {
        if (reason != null) {
            throw explain(new IOException("the call was cut before it was sent"));
        }
    }

    /** Whether a cut happened (a failure after it is reported as its reason, whatever its type). */
    boolean cut() {
        return reason != null;
    }

    /** What a failed exchange on this connection is reported as: the reason of a cut, else the failure itself. */
    IOException explain(IOException failure) {
        Exception why = reason;
        if (why == null) {
            return failure;
        }
        why.addSuppressed(failure);
        if (why instanceof RuntimeException unchecked) {
            throw unchecked;
        }
        return why instanceof IOException io ? io : failure;
    }
}
