package dev.camelgateway.e2e;

import dev.camelgateway.support.FakeUpstream.Reply;
import dev.camelgateway.support.Fixtures;
import dev.camelgateway.support.GatewayTestSupport;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A stream's headers describe the attempt that answered: they are computed when the stream commits (its first byte),
 * not when the first attempt started reading its upstream.
 */
class StreamHeadersTest extends GatewayTestSupport {
    private static final List<String> OK_SSE = Fixtures.ssePayloads("openai", "chat-basic", "upstream-response.sse");
    private static final String ERROR_503 = "{\"error\":{\"message\":\"overloaded\",\"type\":\"server_error\"}}";

    @Test
    void aStreamThatSucceedsOnItsSecondAttemptSaysTwoAttempts() {
        // the first attempt's stream starts (200, one event that maps to nothing) and then breaks before any chunk
        UPSTREAM.enqueue(OLLAMA_PATH, Reply.raw(List.of(": warming up\n\n".getBytes()), java.util.Map.of()).thenCut());
        UPSTREAM.enqueue(OLLAMA_PATH, Reply.sse(OK_SSE));

        HttpResponse<String> response = post("/v1/chat/completions", "application/json", chat("ollama/llama3", true));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("data: [DONE]");
        assertThat(UPSTREAM.received()).hasSize(2);
        assertThat(response.headers().firstValue("x-gateway-attempts")).hasValue("2");
        assertThat(response.headers().firstValue("x-gateway-provider")).hasValue("ollama");
    }

    @Test
    void aStreamAnsweredByTheFallbackNamesTheFallbackProvider() {
        UPSTREAM.enqueue(OLLAMA_PATH, Reply.raw(List.of(": warming up\n\n".getBytes()), java.util.Map.of()).thenCut());
        UPSTREAM.enqueue(OLLAMA_PATH, Reply.json(503, ERROR_503));
        UPSTREAM.enqueue(ANTHROPIC_PATH, Reply.sse(List.of()).withRawSse(Fixtures.read("anthropic", "chat-basic", "upstream-response.sse")));

        HttpResponse<String> response = post("/v1/chat/completions", "application/json", chat("resilient", true));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("Bonjour!").contains("data: [DONE]");
        assertThat(response.headers().firstValue("x-gateway-provider")).hasValue("anthropic");
        assertThat(response.headers().firstValue("x-gateway-attempts")).hasValue("3");
    }

}
