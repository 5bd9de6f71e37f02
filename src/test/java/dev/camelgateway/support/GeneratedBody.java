package dev.camelgateway.support;

import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A request body of unknown length (sent chunked), produced 64 KiB at a time only when the HTTP client asks for more:
 * how much of it exists at any moment shows how far the server has read.
 */
public final class GeneratedBody implements HttpRequest.BodyPublisher {
    private static final int CHUNK = 64 * 1024;
    private final long total;
    private final AtomicLong produced = new AtomicLong();
    private volatile boolean completed;

    public GeneratedBody(long total) {
        this.total = total;
    }

    public long produced() {
        return produced.get();
    }

    /** Whether the whole body was handed to the client. */
    public boolean completed() {
        return completed;
    }

    @Override
    public long contentLength() {
        return -1;
    }

    @Override
    public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
        subscriber.onSubscribe(new Flow.Subscription() {
            private long demand;
            private boolean emitting;
            private boolean cancelled;

            @Override
            public void request(long n) {
                synchronized (this) {
                    demand += n;
                    if (emitting) {
                        return; // the loop below, further up this stack or on another thread, serves the new demand
                    }
                    emitting = true;
                }
                while (true) {
                    synchronized (this) {
                        if (demand == 0 || cancelled || completed) {
                            emitting = false;
                            return;
                        }
                        demand--;
                    }
                    if (produced.get() >= total) {
                        completed = true;
                        subscriber.onComplete();
                    } else {
                        subscriber.onNext(ByteBuffer.wrap(chunk(produced.getAndAdd(CHUNK) == 0)));
                    }
                }
            }

            @Override
            public synchronized void cancel() {
                cancelled = true;
            }
        });
    }

    private static byte[] chunk(boolean first) {
        byte[] chunk = new byte[CHUNK];
        Arrays.fill(chunk, (byte) 'a');
        if (first) {
            byte[] start = "{\"model\":\"demo\",\"messages\":[{\"role\":\"user\",\"content\":\"".getBytes(StandardCharsets.UTF_8);
            System.arraycopy(start, 0, chunk, 0, start.length);
        }
        return chunk;
    }
}
