package dev.camelgateway.e2e;

import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.camelgateway.support.FakeUpstream.Reply;
import dev.camelgateway.support.Fixtures;
import dev.camelgateway.support.GatewayTestSupport;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Streaming proven by order, not by time: the upstream holds its third event until the test says so, and the
 * test only says so after the client has already received the first two.
 */
class StreamingIncrementalityTest extends GatewayTestSupport {

    @Test
    void clientHasTheFirstEventsBeforeTheUpstreamSendsTheThird() {
        CountDownLatch releaseThird = new CountDownLatch(1);
        List<String> payloads = Fixtures.ssePayloads("openai", "chat-basic", "upstream-response.sse");
        UPSTREAM.enqueue(OPENAI_PATH, Reply.sse(payloads).withLatch(2, releaseThird));
        ChatCompletionCreateParams params = ChatCompletionCreateParams.builder().model("openai/gpt-4o-mini")
                .addUserMessage("hi").build();

        List<String> seen = new ArrayList<>();
        try (StreamResponse<ChatCompletionChunk> stream = openAi().chat().completions().createStreaming(params)) {
            Iterator<ChatCompletionChunk> chunks = stream.stream().iterator();
            seen.add(text(chunks.next()));
            seen.add(text(chunks.next()));
            assertThat(releaseThird.getCount()).as("the upstream is still holding its third event").isEqualTo(1);
            releaseThird.countDown();
            chunks.forEachRemaining(c -> seen.add(text(c)));
        }

        assertThat(seen).as("the usage chunk the gateway asked for is not passed to a client that did not ask")
                .containsExactly("", "Hello", " there!", " How can I help?", "<finish:stop>");
    }

    private static String text(ChatCompletionChunk chunk) {
        if (chunk.choices().isEmpty()) {
            return "<usage>";
        }
        ChatCompletionChunk.Choice choice = chunk.choices().get(0);
        return choice.finishReason().map(f -> "<finish:" + f.asString() + ">")
                .orElseGet(() -> choice.delta().content().orElse("<none>"));
    }
}
