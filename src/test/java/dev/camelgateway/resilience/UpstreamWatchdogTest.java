package dev.camelgateway.resilience;

import dev.camelgateway.routing.Resilience;
import dev.camelgateway.stream.SseFrame;
import dev.camelgateway.stream.SseResponse;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The watchdog directly: its timer never waits on a client, whatever that client does. */
class UpstreamWatchdogTest {
    private final UpstreamWatchdog watchdog = new UpstreamWatchdog();
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() {
        release.countDown();
        watchdog.stop();
    }

    @Test
    void aPingBlockedOnAClientThatDoesNotReadDoesNotStopAnotherStreamsIdleTimeout() throws Exception {
        // a committed stream whose client stopped reading: its socket buffers are full, so its next write blocks
        BlockingResponse stuck = new BlockingResponse(release);
        SseResponse stuckClient = new SseResponse(stuck, Map::of);
        stuckClient.send(List.of(SseFrame.data("{\"first\":true}")));
        stuck.blockFromNow();
        UpstreamWatchdog.Watch quiet = watchdog.watch(silentUpstream(), timeouts(Duration.ofMinutes(1)), System.nanoTime(),
                stuckClient, null, null);
        quiet.eventReceived();
        assertThat(stuck.blockedWrite.await(10, TimeUnit.SECONDS)).as("the ping's write is blocked on the client").isTrue();

        // meanwhile another stream's upstream stalls: its idle budget must still run out
        UpstreamWatchdog.Watch stalled = watchdog.watch(silentUpstream(), timeouts(Duration.ofMillis(300)), System.nanoTime(),
                null, null, null);
        stalled.eventReceived();

        for (int i = 0; i < 100 && stalled.expired() == null; i++) {
            Thread.sleep(50);
        }
        assertThat(stalled.expired()).isEqualTo(UpstreamTimeoutException.STALLED);
        assertThat(stuckClient.clientGone()).as("a blocked client is slow, not gone").isFalse();
        quiet.close();
    }

    @Test
    void aClientThatAPingFindsGoneCutsTheUpstream() throws Exception {
        BlockingResponse gone = new BlockingResponse(release);
        SseResponse client = new SseResponse(gone, Map::of);
        client.send(List.of(SseFrame.data("{}")));
        gone.failFromNow();
        UpstreamWatchdog.Watch watch = watchdog.watch(silentUpstream(), timeouts(Duration.ofMinutes(1)), System.nanoTime(),
                client, null, null);
        watch.eventReceived();

        for (int i = 0; i < 100 && watch.expired() == null; i++) {
            Thread.sleep(50);
        }
        assertThat(watch.expired()).isEqualTo(UpstreamTimeoutException.CLIENT_GONE);
    }

    @Test
    void aCallThatOutlivesItsTotalBudgetBeforeAnsweringSaysSo() throws Exception {
        Resilience.Timeouts timeouts = timeouts(Duration.ofMinutes(1));
        timeouts.setTotal(Duration.ofMillis(300));
        UpstreamWatchdog.Watch call = watchdog.watchCall(timeouts, System.nanoTime(), null, null);

        for (int i = 0; i < 100 && call.expired() == null; i++) {
            Thread.sleep(50);
        }
        assertThat(call.toException().getMessage()).isEqualTo("The upstream did not answer within the total timeout.");
    }

    /** The request's deadline cutting an attempt short is its own code: final, and not the provider's failure. */
    @Test
    void anAttemptCutByTheRequestsDeadlineSaysSo() throws Exception {
        UpstreamWatchdog.Watch call = watchdog.watchCall(timeouts(Duration.ofMinutes(1)).within(Duration.ofMillis(300)),
                System.nanoTime(), null, null);

        for (int i = 0; i < 100 && call.expired() == null; i++) {
            Thread.sleep(50);
        }
        assertThat(call.expired()).isEqualTo(UpstreamTimeoutException.REQUEST_DEADLINE);
        assertThat(FailureClassifier.classify(call.toException(), false)).isEqualTo(FailureKind.DEADLINE);
        assertThat(FailureClassifier.countsAgainstProvider(call.toException())).isFalse();
        assertThat(new Resilience.OnFailure().action(FailureKind.DEADLINE)).isEqualTo(FailureAction.FINAL);
    }

    private static Resilience.Timeouts timeouts(Duration idle) {
        Resilience.Timeouts timeouts = new Resilience.Timeouts();
        timeouts.setIdle(idle);
        timeouts.setFirstEvent(Duration.ofMinutes(1));
        timeouts.setTotal(Duration.ofMinutes(5));
        return timeouts;
    }

    private static InputStream silentUpstream() throws IOException {
        return new PipedInputStream(new PipedOutputStream());
    }

    /** A servlet response whose writes block (a client that does not read) or fail (a client that left) on demand. */
    private static final class BlockingResponse extends MockHttpServletResponse {
        private final CountDownLatch release;
        final CountDownLatch blockedWrite = new CountDownLatch(1);
        private volatile boolean block;
        private volatile boolean fail;
        private final ServletOutputStream out = new ServletOutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[]{(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                if (fail) {
                    throw new IOException("Broken pipe");
                }
                if (block) {
                    blockedWrite.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
            }
        };

        BlockingResponse(CountDownLatch release) {
            this.release = release;
        }

        void blockFromNow() {
            block = true;
        }

        void failFromNow() {
            fail = true;
        }

        @Override
        public ServletOutputStream getOutputStream() {
            return out;
        }
    }
}
