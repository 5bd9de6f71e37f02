package dev.camelgateway.resilience;

import org.apache.hc.client5.http.EndpointInfo;
import org.apache.hc.client5.http.HttpRoute;
import org.apache.hc.client5.http.io.ConnectionEndpoint;
import org.apache.hc.client5.http.io.HttpClientConnectionManager;
import org.apache.hc.client5.http.io.LeaseRequest;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.impl.io.HttpRequestExecutor;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

import java.io.IOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * A provider's connection pool that hands each attempt's connection to its {@link UpstreamConnection}: camel-http
 * gives no handle on a call in flight, and a call waiting for its answer's headers could otherwise not be cut. The
 * pool itself is untouched; its endpoints are unwrapped on the way back.
 */
final class AbortableConnections implements HttpClientConnectionManager {
    private final HttpClientConnectionManager pool;

    AbortableConnections(HttpClientConnectionManager pool) {
        this.pool = pool;
    }

    @Override
    public LeaseRequest lease(String id, HttpRoute route, Timeout requestTimeout, Object state) {
        LeaseRequest lease = pool.lease(id, route, requestTimeout, state);
        UpstreamConnection attempt = UpstreamConnection.claim();
        if (attempt == null) {
            return lease;
        }
        return new LeaseRequest() {
            @Override
            public ConnectionEndpoint get(Timeout timeout) throws InterruptedException, ExecutionException, TimeoutException {
                ConnectionEndpoint endpoint = lease.get(timeout);
                attempt.attach(endpoint);
                return new Endpoint(endpoint, attempt);
            }

            @Override
            public boolean cancel() {
                return lease.cancel();
            }
        };
    }

    @Override
    public void release(ConnectionEndpoint endpoint, Object newState, TimeValue validDuration) {
        pool.release(unwrap(endpoint), newState, validDuration);
    }

    @Override
    public void connect(ConnectionEndpoint endpoint, TimeValue connectTimeout, HttpContext context) throws IOException {
        if (!(endpoint instanceof Endpoint wrapped)) {
            pool.connect(endpoint, connectTimeout, context);
            return;
        }
        wrapped.attempt.ensureNotCut();
        try {
            pool.connect(wrapped.pooled, connectTimeout, context);
        } catch (IOException e) {
            throw wrapped.attempt.explain(e); // a cut during connect or TLS is the cut, not a connection failure
        }
    }

    @Override
    public void upgrade(ConnectionEndpoint endpoint, HttpContext context) throws IOException {
        if (!(endpoint instanceof Endpoint wrapped)) {
            pool.upgrade(endpoint, context);
            return;
        }
        wrapped.attempt.ensureNotCut();
        try {
            pool.upgrade(wrapped.pooled, context);
        } catch (IOException e) {
            throw wrapped.attempt.explain(e);
        }
    }

    @Override
    public void close(CloseMode closeMode) {
        pool.close(closeMode);
    }

    @Override
    public void close() throws IOException {
        pool.close();
    }

    private static ConnectionEndpoint unwrap(ConnectionEndpoint endpoint) {
        return endpoint instanceof Endpoint wrapped ? wrapped.pooled : endpoint;
    }

    /** The pool's endpoint; a failed exchange is reported as the reason of the cut that caused it. */
    private static final class Endpoint extends ConnectionEndpoint {
        private final ConnectionEndpoint pooled;
        private final UpstreamConnection attempt;

        Endpoint(ConnectionEndpoint pooled, UpstreamConnection attempt) {
            this.pooled = pooled;
            this.attempt = attempt;
        }

        @Override
        public ClassicHttpResponse execute(String id, ClassicHttpRequest request, HttpRequestExecutor executor,
                                           HttpContext context) throws IOException, HttpException {
            return guarded(() -> pooled.execute(id, request, executor, context));
        }

        @Override
        public ClassicHttpResponse execute(String id, ClassicHttpRequest request, RequestExecutor executor,
                                           HttpContext context) throws IOException, HttpException {
            return guarded(() -> pooled.execute(id, request, executor, context));
        }

        /** Sends nothing after a cut; a failure that a cut caused is reported as the cut's reason. */
        private ClassicHttpResponse guarded(Exchange exchange) throws IOException, HttpException {
            attempt.ensureNotCut();
            try {
                return exchange.run();
            } catch (IOException e) {
                throw attempt.explain(e);
            } catch (IllegalStateException e) { // "Endpoint is not connected": the cut closed it between two steps
                if (attempt.cut()) {
                    throw attempt.explain(new IOException(e));
                }
                throw e;
            }
        }

        @Override
        public boolean isConnected() {
            return pooled.isConnected();
        }

        @Override
        public void setSocketTimeout(Timeout timeout) {
            pooled.setSocketTimeout(timeout);
        }

        @Override
        public EndpointInfo getInfo() {
            return pooled.getInfo();
        }

        @Override
        public void close(CloseMode closeMode) {
            pooled.close(closeMode);
        }

        @Override
        public void close() throws IOException {
            pooled.close();
        }
    }

    private interface Exchange {
        ClassicHttpResponse run() throws IOException, HttpException;
    }
}
