package dev.camelgateway.provider;

import dev.camelgateway.resilience.UpstreamConnection;
import dev.camelgateway.resilience.UpstreamWatchdog;
import dev.camelgateway.routing.Resilience;
import dev.camelgateway.routing.Target;
import dev.camelgateway.stream.ClientStream;
import dev.camelgateway.stream.UpstreamEventIterator;
import dev.camelgateway.usage.Usage;

import java.time.Instant;

/**
 * One upstream call, from the moment it is sent until its record is taken: its target, clocks, client stream, the
 * events being read and their watchdog, its pooled connection, the usage it reported and the text it produced. A retry or a fallback is a new
 * {@code Attempt}, so nothing of the previous one carries over. Shared by the exchange copies of one attempt (the
 * circuit breaker's, the splitter's) through the request's {@code RequestContext}.
 */
public final class Attempt {
    private final int number;
    private final int numberOnTarget;
    private final Target target;
    private final Resilience.Timeouts timeouts;
    private final long startNanos = System.nanoTime();
    private final Instant startedAt = Instant.now();
    private final StringBuilder output = new StringBuilder();
    private volatile long firstByteNanos;
    private volatile Usage reportedUsage;
    private volatile ClientStream stream;
    private volatile UpstreamEventIterator events;
    private volatile UpstreamWatchdog.Watch watch;
    private volatile UpstreamConnection connection;
    private volatile UpstreamResponseHeaders upstreamHeaders = UpstreamResponseHeaders.NONE;
    private boolean recorded;
    private int malformedEvents;

    /**
     * @param number         the request's attempt count, this one included (all targets)
     * @param numberOnTarget attempts on this target, this one included
     */
    public Attempt(int number, int numberOnTarget, Target target) {
        this(number, numberOnTarget, target, target.provider().getTimeouts());
    }

    /** @param timeouts the deployment's budgets, total cut to what remains of the request's deadline */
    public Attempt(int number, int numberOnTarget, Target target, Resilience.Timeouts timeouts) {
        this.number = number;
        this.numberOnTarget = numberOnTarget;
        this.target = target;
        this.timeouts = timeouts;
    }

    /** This attempt's time budgets (the watchdog's). */
    public Resilience.Timeouts timeouts() {
        return timeouts;
    }

    public int number() {
        return number;
    }

    public int numberOnTarget() {
        return numberOnTarget;
    }

    public Target target() {
        return target;
    }

    public long startNanos() {
        return startNanos;
    }

    public Instant startedAt() {
        return startedAt;
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

    /** The output so far (content and tool arguments), for token estimates when the provider reports none. */
    public synchronized void appendOutput(String text) {
        output.append(text);
    }

    public synchronized String outputText() {
        return output.toString();
    }

    public Usage reportedUsage() {
        return reportedUsage;
    }

    public void reportedUsage(Usage usage) {
        this.reportedUsage = usage;
    }

    /** This attempt's stream as the client receives it (null before its events are read, and for whole answers). */
    public ClientStream stream() {
        return stream;
    }

    public void stream(ClientStream stream) {
        this.stream = stream;
    }

    /** The split source of this attempt's stream. */
    public void events(UpstreamEventIterator events) {
        this.events = events;
    }

    /** True when the stream's next event can be read without waiting for the network. */
    public boolean moreEventsBuffered() {
        UpstreamEventIterator current = events;
        return current != null && current.moreBuffered();
    }

    /** Stops the event sequence (after a failure, nothing more is read from it). */
    public void stopEvents() {
        UpstreamEventIterator current = events;
        if (current != null) {
            current.stop();
        }
    }

    /** This attempt's connection, which the watchdog can cut before the answer's headers arrived. */
    public UpstreamConnection connection() {
        return connection;
    }

    public void connection(UpstreamConnection connection) {
        this.connection = connection;
    }

    /** The answer headers that travel on (rate limits, the provider's request id); NONE until the upstream answered. */
    public UpstreamResponseHeaders upstreamHeaders() {
        return upstreamHeaders;
    }

    public void upstreamHeaders(UpstreamResponseHeaders headers) {
        this.upstreamHeaders = headers;
    }

    public UpstreamWatchdog.Watch watch() {
        return watch;
    }

    /** The watchdog of the upstream body being read; setting one stops the previous one. */
    public synchronized void watch(UpstreamWatchdog.Watch watch) {
        stopWatch();
        this.watch = watch;
    }

    /**
     * Stops reading this attempt's stream and closes its upstream connection at once: a failed stream is cut, not
     * drained (closing the body would read the rest of it, up to timeouts.idle).
     */
    public void cutStream() {
        stopEvents();
        UpstreamWatchdog.Watch current = watch;
        if (current != null) {
            current.abortUpstream();
        }
    }

    public synchronized void stopWatch() {
        if (watch != null) {
            watch.close();
        }
    }

    /** Counts a skipped malformed event; true for the attempt's first (the one logged). */
    public synchronized boolean malformedEventSkipped() {
        return ++malformedEvents == 1;
    }

    /** The stream events skipped as malformed (malformed-events: skip). */
    public synchronized int malformedEvents() {
        return malformedEvents;
    }

    /** True once: the attempt's record (and ledger row) is taken exactly once, however the attempt ended. */
    public synchronized boolean takeRecord() {
        boolean first = !recorded;
        recorded = true;
        return first;
    }
}
