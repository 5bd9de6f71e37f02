package dev.camelgateway.resilience;

import dev.camelgateway.routing.Resilience;
import dev.camelgateway.stream.ClientDisconnectedException;
import dev.camelgateway.stream.ClientProbe;
import dev.camelgateway.stream.SseResponse;
import jakarta.annotation.PreDestroy;
import org.apache.hc.core5.http.io.EofSensorInputStream;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Enforces the first-event, idle, response and total budgets of upstream calls and the bodies being read, and notices
 * clients that left (before anything was written to them, by asking Tomcat: {@link ClientProbe}): one timer thread
 * for every stream, which never waits on a client. When a budget runs out it cuts the upstream connection, so the blocked
 * read fails at once and the reader reports which budget it was. While a committed stream waits for its upstream,
 * the watchdog has an SSE comment sent every second, on a thread of the small ping pool (the write may block on a
 * client that does not read; the timer never writes); a client that is gone makes it fail, and the upstream call is
 * aborted at the next check, not at the next event.
 */
@Component
public class UpstreamWatchdog {
    static final long PING_MILLIS = 1000;
    static final int PING_THREADS = 32;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "upstream-watchdog");
        thread.setDaemon(true);
        return thread;
    });
    /**
     * Writes the pings. A ping blocked on a client that does not read holds one of these threads until Tomcat's write
     * timeout; a stream has at most one ping in flight (SseResponse's lock), and when all are busy a ping is skipped.
     */
    private final ThreadPoolExecutor pinger = new ThreadPoolExecutor(0, PING_THREADS, 30, TimeUnit.SECONDS,
            new SynchronousQueue<>(), r -> {
                Thread thread = new Thread(r, "upstream-ping");
                thread.setDaemon(true);
                return thread;
            }, new ThreadPoolExecutor.DiscardPolicy());

    /**
     * Starts watching an attempt's call until its answer's headers arrive: within the total budget, and cut when the
     * client leaves ({@code probe}, may be null). The header wait itself is the socket timeout's.
     */
    public Watch watchCall(Resilience.Timeouts timeouts, long attemptStartNanos, ClientProbe probe, UpstreamConnection connection) {
        long total = attemptStartNanos + timeouts.getTotal().toNanos();
        Watch watch = new Watch(null, Long.MAX_VALUE, total, total, null, probe, connection);
        watch.totalCode = totalCode(timeouts);
        watch.schedule();
        return watch;
    }

    /** Starts watching an upstream body whose attempt started at {@code attemptStartNanos}. */
    public Watch watch(InputStream upstream, Resilience.Timeouts timeouts, long attemptStartNanos, SseResponse client,
                       ClientProbe probe, UpstreamConnection connection) {
        Watch watch = new Watch(upstream, timeouts.getIdle().toNanos(), attemptStartNanos + timeouts.getFirstEvent().toNanos(),
                attemptStartNanos + timeouts.getTotal().toNanos(), client, probe, connection);
        watch.totalCode = totalCode(timeouts);
        watch.schedule();
        return watch;
    }

    /**
     * Starts watching a whole (non-streaming) answer's body: it must be complete within {@code timeouts.response}
     * (and total) of the attempt's start; there are no events, so no idle budget.
     */
    public Watch watchWhole(InputStream upstream, Resilience.Timeouts timeouts, long attemptStartNanos, ClientProbe probe,
                            UpstreamConnection connection) {
        long deadline = attemptStartNanos + Math.min(timeouts.getResponse().toNanos(), timeouts.getTotal().toNanos());
        Watch watch = new Watch(upstream, Long.MAX_VALUE, deadline, deadline, null, probe, connection);
        watch.whole = true;
        watch.totalCode = timeouts.getResponse().compareTo(timeouts.getTotal()) < 0 ? UpstreamTimeoutException.TIMEOUT
                : totalCode(timeouts);
        watch.schedule();
        return watch;
    }

    /** What running out of {@code total} is: the provider's timeout, or the request's deadline that cut total short. */
    private static String totalCode(Resilience.Timeouts timeouts) {
        return timeouts.requestDeadline() ? UpstreamTimeoutException.REQUEST_DEADLINE : UpstreamTimeoutException.TIMEOUT;
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
        pinger.shutdownNow();
    }

    /** One watched upstream body. */
    public final class Watch {
        private final InputStream upstream;
        private final long idleNanos;
        private final long firstEventDeadline;
        private final long totalDeadline;
        private final SseResponse client;
        private final ClientProbe probe;
        private final UpstreamConnection connection;
        private final long periodMillis;
        private volatile long lastEvent;
        private long lastPing;
        private volatile boolean firstEventSeen;
        private volatile String expired;
        private volatile boolean closed;
        private volatile boolean whole;
        private volatile String totalCode = UpstreamTimeoutException.TIMEOUT;
        private ScheduledFuture<?> next;

        private Watch(InputStream upstream, long idleNanos, long firstEventDeadline, long totalDeadline, SseResponse client,
                      ClientProbe probe, UpstreamConnection connection) {
            this.upstream = upstream;
            this.probe = probe;
            this.connection = connection;
            this.idleNanos = idleNanos;
            this.firstEventDeadline = firstEventDeadline;
            this.totalDeadline = totalDeadline;
            this.client = client;
            this.lastEvent = System.nanoTime();
            long shortest = Math.min(idleNanos, Math.max(0, firstEventDeadline - lastEvent)) / 1_000_000;
            this.periodMillis = Math.max(50, Math.min(PING_MILLIS, shortest / 4));
        }

        /** An event arrived: the idle clock restarts. */
        public void eventReceived() {
            firstEventSeen = true;
            lastEvent = System.nanoTime();
        }

        /** Which budget cut the stream ({@link UpstreamTimeoutException} codes, or null). */
        public String expired() {
            return expired;
        }

        /** The timeout to report for a read that failed after the watchdog cut it, or null. */
        public UpstreamTimeoutException toException() {
            if (expired == null) {
                return null;
            }
            return new UpstreamTimeoutException(expired, switch (expired) {
                case UpstreamTimeoutException.STALLED -> "The upstream stream stalled: no event within the idle timeout.";
                case UpstreamTimeoutException.CLIENT_GONE -> "The client disconnected.";
                case UpstreamTimeoutException.REQUEST_DEADLINE -> "The request did not complete within the gateway's "
                        + "request timeout (retries and fallbacks included).";
                default -> whole ? "The upstream's answer did not arrive within the response timeout."
                        : upstream == null ? "The upstream did not answer within the total timeout." // the call's watch
                        : firstEventSeen ? "The upstream call exceeded its total timeout."
                        : "The upstream sent no event within the first-event timeout.";
            });
        }

        public synchronized void close() {
            closed = true;
            if (next != null) {
                next.cancel(false);
            }
        }

        private synchronized void schedule() {
            if (!closed) {
                next = timer.schedule(this::check, periodMillis, TimeUnit.MILLISECONDS);
            }
        }

        private void check() {
            long now = System.nanoTime();
            if (closed) {
                return;
            }
            if (now - totalDeadline >= 0) {
                cut(totalCode);
            } else if (!firstEventSeen && now - firstEventDeadline >= 0) {
                cut(UpstreamTimeoutException.TIMEOUT);
            } else if (firstEventSeen && now - lastEvent >= idleNanos) {
                cut(UpstreamTimeoutException.STALLED);
            } else if (probe != null && (client == null || !client.committed()) && probe.clientGone()) {
                cut(UpstreamTimeoutException.CLIENT_GONE); // nothing written yet, so no write would have noticed
            } else if (client != null && client.clientGone()) {
                cut(UpstreamTimeoutException.CLIENT_GONE); // a ping (or a write) found the client gone
            } else if (client != null && client.committed()
                    && now - Math.max(Math.min(lastEvent, client.lastWriteNanos()), lastPing) >= PING_MILLIS * 1_000_000) {
                // the upstream or the client quiet for a second (a continuation holding back what the client has)
                lastPing = now;
                pinger.execute(client::ping);
                schedule();
            } else {
                schedule();
            }
        }

        private void cut(String reason) {
            expired = reason;
            abortUpstream();
        }

        /**
         * Closes the upstream connection without reading the rest of the body, or, before the answer's headers, cuts
         * the call (which then fails with the reason of the cut).
         */
        public void abortUpstream() {
            if (connection != null) {
                connection.abort(reason());
            }
            if (upstream == null) {
                return;
            }
            try {
                if (upstream instanceof EofSensorInputStream sensor) {
                    sensor.abort();
                } else {
                    upstream.close();
                }
            } catch (IOException ignored) {
                // the read that is blocked on it fails either way
            }
        }

        private Exception reason() {
            if (UpstreamTimeoutException.CLIENT_GONE.equals(expired)) {
                return new ClientDisconnectedException(new IOException("the client closed its connection"));
            }
            return toException();
        }
    }
}
