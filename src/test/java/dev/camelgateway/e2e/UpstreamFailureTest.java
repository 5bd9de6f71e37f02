package dev.camelgateway.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.openai.core.http.StreamResponse;
import com.openai.errors.RateLimitException;
import com.openai.errors.SseException;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.camelgateway.api.Json;
import dev.camelgateway.support.FakeUpstream.Reply;
import dev.camelgateway.support.Fixtures;
import dev.camelgateway.support.GatewayTestSupport;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The error contract of design §4.3 as the client sees it, before and after the first byte. */
class UpstreamFailureTest extends GatewayTestSupport {
    private static final String CHAT = "{\"model\":\"openai/gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]%s}";

    @Test
    void rateLimitLongerThanTheRetryCapKeepsStatusRetryAfterAndTheProvidersReason() {
        UPSTREAM.enqueue(OPENAI_PATH, Reply.json(429, "{\"error\":{\"message\":\"Rate limit reached for " + OPENAI_KEY + "\","
                + "\"type\":\"requests\",\"param\":null,\"code\":\"rate_limit_exceeded\"}}", Map.of("Retry-After", "30")));

        assertThatThrownBy(() -> openAi().chat().completions().create(ChatCompletionCreateParams.builder()
                .model("openai/gpt-4o-mini").addUserMessage("hi").build()))
                .isInstanceOfSatisfying(RateLimitException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(429);
                    assertThat(e.headers().values("Retry-After")).containsExactly("30");
                    assertThat(e.code()).hasValue("rate_limit_exceeded");
                    assertThat(e.getMessage()).contains("Rate limit reached").doesNotContain(OPENAI_KEY);
                });
        assertThat(UPSTREAM.received()).as("a 30 s wait is over retry.max-delay: not slept, not retried").hasSize(1);
    }

    @Test
    void upstreamServerErrorIsA502AndAClientErrorKeepsItsStatus() throws Exception {
        for (int attempt = 0; attempt < 3; attempt++) { // openai keeps the default retry.max-attempts of 3
            UPSTREAM.enqueue(OPENAI_PATH, Reply.json(500, "{\"error\":{\"message\":\"boom\",\"type\":\"server_error\"}}"));
        }
        HttpResponse<String> serverError = post("/v1/chat/completions", "application/json", CHAT.formatted(""));
        assertThat(serverError.statusCode()).isEqualTo(502);
        assertThat(error(serverError).get("type").asText()).isEqualTo("server_error");

        UPSTREAM.enqueue(MISTRAL_PATH, Reply.json(422, "{\"object\":\"error\",\"message\":{\"detail\":[{\"type\":\"extra_forbidden\"}]},"
                + "\"type\":\"invalid_request_error\",\"param\":null,\"code\":null}"));
        HttpResponse<String> clientError = post("/v1/chat/completions", "application/json",
                CHAT.formatted("").replace("openai/gpt-4o-mini", "mistral/mistral-small-latest"));
        assertThat(clientError.statusCode()).isEqualTo(422);
        assertThat(error(clientError).get("message").asText()).startsWith("mistral: ").contains("extra_forbidden");
        assertThat(clientError.headers().firstValue("x-gateway-provider")).hasValue("mistral");
    }

    @Test
    void inBandErrorAfterTheFirstChunksBecomesOneErrorEventAndNoDone() {
        List<String> payloads = new ArrayList<>(Fixtures.ssePayloads("openai", "chat-basic", "upstream-response.sse").subList(0, 2));
        payloads.add("{\"error\":{\"message\":\"The server is overloaded\",\"type\":\"server_error\",\"code\":\"overloaded\"}}");
        UPSTREAM.enqueue(OPENAI_PATH, Reply.sse(payloads));
        List<ChatCompletionChunk> received = new ArrayList<>();

        assertThatThrownBy(() -> {
            try (StreamResponse<ChatCompletionChunk> stream = openAi().chat().completions().createStreaming(
                    ChatCompletionCreateParams.builder().model("openai/gpt-4o-mini").addUserMessage("hi").build())) {
                stream.stream().forEach(received::add);
            }
        }).isInstanceOfSatisfying(SseException.class, e -> assertThat(e.code()).hasValue("overloaded"));
        assertThat(received).hasSize(2);
    }

    @Test
    void upstreamEndingWithoutDoneIsReportedAsInterruptedNeverAsASuccess() {
        List<String> payloads = Fixtures.ssePayloads("openai", "chat-basic", "upstream-response.sse").subList(0, 3);
        UPSTREAM.enqueue(OPENAI_PATH, Reply.sse(payloads));

        HttpResponse<String> response = post("/v1/chat/completions", "application/json", CHAT.formatted(",\"stream\":true"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));
        String[] events = response.body().split("\n\n");
        assertThat(events).hasSize(4);
        assertThat(events[3]).startsWith("data: {\"error\":").contains("\"code\":\"stream_interrupted\"");
        assertThat(response.body()).doesNotContain("data: [DONE]");
    }

    private static JsonNode error(HttpResponse<String> response) throws Exception {
        return Json.parse(response.body()).get("error");
    }
}
