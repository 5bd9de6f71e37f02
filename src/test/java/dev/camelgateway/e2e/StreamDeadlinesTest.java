package dev.camelgateway.e2e;

import dev.camelgateway.support.FakeUpstream.Reply;
import dev.camelgateway.support.Fixtures;
import dev.camelgateway.support.GatewayTestSupport;
import dev.camelgateway.support.RawStream;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;

/** A stream's deadlines and its error event never wait for anything but its own upstream. */
class StreamDeadlinesTest extends GatewayTestSupport {
    private static final List<String> OK_SSE = Fixtures.ssePayloads("openai", "chat-basic", "upstream-response.sse");

    @Test
    void aClientThatDoesNotReadDoesNotDelayAnotherStreamsIdleTimeout() throws Exception {
        // stream A: megabytes of chunks to a client that never reads, so the gateway's write to it blocks
        String big = "x".repeat(8000);
        List<String> flood = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            flood.add("{\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"gpt-4o-mini\","
                    + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + big + "\"},\"finish_reason\":null}]}");
        }
        UPSTREAM.enqueue(OPENAI_PATH, Reply.sse(flood));
        // stream B: two events, then its upstream stalls; ollama's idle budget is 1 s
        UPSTREAM.enqueue(OLLAMA_PATH, Reply.sse(OK_SSE.subList(0, 2)).thenStall());

        try (RawStream stuck = RawStream.post(StreamFlushingTest.port(), "/v1/chat/completions",
                chat("openai/gpt-4o-mini", true), 4096, 30_000)) {
            Thread.sleep(2500); // long enough for the watchdog to want to ping A, whose write is blocked
            try (RawStream stalled = RawStream.post(StreamFlushingTest.port(), "/v1/chat/completions",
                    chat("ollama/llama3", true), 0, 15_000)) {
                String seen = stalled.readUntil("\"error\"");
                assertThat(seen).as("the watchdog cut B for its idle budget, not a socket timeout")
                        .contains("stream_stalled").doesNotContain("[DONE]");
            }
        }
    }

    @Test
    void aMidStreamMapperErrorReachesTheClientWithoutReadingTheRestOfTheUpstream() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        String start = event("message_start", "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_err\",\"type\":\"message\","
                + "\"role\":\"assistant\",\"model\":\"claude-sonnet-4-5\",\"content\":[],\"stop_reason\":null,"
                + "\"usage\":{\"input_tokens\":3,\"output_tokens\":1}}}")
                + event("content_block_start", "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}")
                + event("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"Bonjour!\"}}")
                + event("error", "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}");
        String rest = event("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\" more\"}}")
                + event("message_stop", "{\"type\":\"message_stop\"}");
        UPSTREAM.enqueue(ANTHROPIC_PATH, Reply.raw(List.of(start.getBytes(StandardCharsets.UTF_8),
                rest.getBytes(StandardCharsets.UTF_8)), Map.of(1, release)));

        try (RawStream stream = RawStream.post(StreamFlushingTest.port(), "/v1/chat/completions",
                chat("anthropic/claude-sonnet-4-5", true), 0, 10_000)) {
            String seen = stream.readUntil("overloaded_error");
            assertThat(seen).contains("Bonjour!").doesNotContain("[DONE]");
            assertThat(release.getCount()).as("the upstream still holds the rest of its stream").isEqualTo(1);
        } finally {
            release.countDown();
        }
    }

    private static String event(String name, String data) {
        return "event: " + name + "\ndata: " + data + "\n\n";
    }
}
