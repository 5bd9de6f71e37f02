package dev.camelgateway.e2e;

import dev.camelgateway.support.FakeUpstream.Reply;
import dev.camelgateway.support.Fixtures;
import dev.camelgateway.support.GatewayTestSupport;
import dev.camelgateway.support.RawStream;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A chunk reaches the client as soon as the upstream sent it, proven by order: the upstream holds the rest of its
 * stream until the test releases it, and the chunk must be there before that and before the gateway's first
 * keep-alive ping (which, sent after a second of upstream silence, used to be what flushed a held-back chunk).
 */
class StreamFlushingTest extends GatewayTestSupport {
    private static final String PING = ": ping";

    @Test
    void aGzipSpeakingUpstreamStillStreamsEachChunkAsItArrives() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<String> payloads = Fixtures.ssePayloads("openai", "chat-basic", "upstream-response.sse");
        UPSTREAM.enqueue(OPENAI_PATH, Reply.sse(payloads).withLatch(3, release).gzipWhenAccepted());

        try (RawStream stream = RawStream.post(port(), "/v1/chat/completions", chat("openai/gpt-4o-mini", true), 0, 10_000)) {
            String seen = stream.readUntil("there!");
            assertThat(seen).as("the chunks came before any keep-alive ping").doesNotContain(PING);
            assertThat(release.getCount()).as("the upstream is still holding the rest").isEqualTo(1);
            release.countDown();
            assertThat(stream.readToEnd()).contains("data: [DONE]");
        }
        assertThat(UPSTREAM.lastRequest().headers().getOrDefault("Accept-Encoding", ""))
                .as("the gateway does not ask for a compressed body").doesNotContain("gzip");
    }

    @Test
    void aChunkFollowedByEventsThatMapToNothingIsFlushedAtOnce() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        String oneWrite = event("message_start", "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_flush\",\"type\":\"message\","
                + "\"role\":\"assistant\",\"model\":\"claude-sonnet-4-5\",\"content\":[],\"stop_reason\":null,"
                + "\"usage\":{\"input_tokens\":3,\"output_tokens\":1}}}")
                + event("content_block_start", "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}")
                + event("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"Bonjour!\"}}")
                + event("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}")
                + event("ping", "{\"type\":\"ping\"}");
        String rest = event("message_delta", "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\"},\"usage\":{\"output_tokens\":2}}")
                + event("message_stop", "{\"type\":\"message_stop\"}");
        UPSTREAM.enqueue(ANTHROPIC_PATH, Reply.raw(List.of(bytes(oneWrite), bytes(rest)), Map.of(1, release)));

        try (RawStream stream = RawStream.post(port(), "/v1/chat/completions", chat("anthropic/claude-sonnet-4-5", true), 0, 10_000)) {
            String seen = stream.readUntil("Bonjour!");
            assertThat(seen).as("the chunk came before any keep-alive ping").doesNotContain(PING);
            assertThat(release.getCount()).as("the upstream is still holding the rest").isEqualTo(1);
            release.countDown();
            assertThat(stream.readToEnd()).contains("\"finish_reason\":\"stop\"").contains("data: [DONE]");
        }
    }

    static int port() {
        return URI.create(gatewayUrl("/")).getPort();
    }


    private static String event(String name, String data) {
        return "event: " + name + "\ndata: " + data + "\n\n";
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
