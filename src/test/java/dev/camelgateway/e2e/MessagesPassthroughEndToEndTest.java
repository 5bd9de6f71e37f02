package dev.camelgateway.e2e;

import com.anthropic.core.http.StreamResponse;
import com.anthropic.errors.AnthropicServiceException;
import com.anthropic.helpers.MessageAccumulator;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCountTokensParams;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelgateway.api.Json;
import dev.camelgateway.support.AnthropicClients;
import dev.camelgateway.support.FakeUpstream.Received;
import dev.camelgateway.support.FakeUpstream.Reply;
import dev.camelgateway.support.Fixtures;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * /v1/messages to a deployment of type anthropic: passed through, with the official Anthropic Java SDK as the client
 * and a fake upstream speaking Anthropic's wire format. The upstream gets the client's request (model replaced, the
 * deployment's key, the client's version and beta flags but the dropped one); the client gets the upstream's bytes,
 * events and error bodies unchanged; the ledger gets each attempt's usage.
 */
class MessagesPassthroughEndToEndTest extends MessagesTestSupport {
    private static final String MODEL = "anthropic/claude-sonnet-4-5";
    private static final String BETAS = "prompt-caching-2024-07-31," + DROPPED_BETA + ",fine-grained-tool-streaming-2025-05-14";

    @Test
    void aWholeMessageComesBackByteForByteAndTheUpstreamGetsTheClientsRequest() throws Exception {
        String answer = Fixtures.read("anthropic", "chat-basic", "upstream-response.json");
        UPSTREAM.enqueue(ANTHROPIC_PATH, Reply.json(200, answer, Map.of("request-id", "req_011upstream")));
        String request = "{\"model\":\"" + MODEL + "\",\"max_tokens\":200,\"system\":[{\"type\":\"text\",\"text\":\"Answer "
                + "in French.\",\"cache_control\":{\"type\":\"ephemeral\"}}],\"messages\":[{\"role\":\"user\",\"content\":"
                + "\"Tell me about Paris.\"}],\"metadata\":{\"user_id\":\"u1\"},\"future_field\":{\"kept\":true}}";

        HttpResponse<String> response = messages(request, Map.of("anthropic-version", "2023-06-01", "anthropic-beta", BETAS));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(answer);
        assertThat(response.headers().firstValue("x-upstream-request-id")).hasValue("req_011upstream");
        Received sent = UPSTREAM.lastRequest();
        assertThat(sent.uri()).isEqualTo(ANTHROPIC_PATH);
        assertThat(sent.headers()).containsEntry("x-api-key", ANTHROPIC_KEY).containsEntry("anthropic-version", "2023-06-01")
                .containsEntry("anthropic-beta", "prompt-caching-2024-07-31,fine-grained-tool-streaming-2025-05-14")
                .doesNotContainKey("authorization");
        assertThat(sent.headers().toString()).doesNotContain(GATEWAY_KEY);
        ObjectNode expected = (ObjectNode) Json.parse(request);
        expected.put("model", "claude-sonnet-4-5");
        assertThat(Json.parse(sent.body())).as("only the model is replaced").isEqualTo(expected);
    }

    @Test
    void theSdkReadsTheMessageAndItsVersionAndBetasReachTheUpstream() {
        UPSTREAM.enqueue(ANTHROPIC_PATH, Reply.json(200, Fixtures.read("anthropic", "chat-basic", "upstream-response.json")));

        Message message = AnthropicClients.withAuthToken(gatewayUrl(""), GATEWAY_KEY).messages().create(params()
                .putAdditionalHeader("anthropic-beta", BETAS).build());

        assertThat(message.content().get(0).asText().text()).isEqualTo("Bonjour! Paris est magnifique au printemps — über alles 🌍.");
        assertThat(message.usage().inputTokens()).isEqualTo(31);
        assertThat(UPSTREAM.lastRequest().headers()).as("the SDK's own version (3.14.0 sends 2026-10-21)")
                .containsEntry("anthropic-version", "2026-10-21")
                .containsEntry("anthropic-beta", "prompt-caching-2024-07-31,fine-grained-tool-streaming-2025-05-14");
    }

    @Test
    void aStreamForwardsEveryEventAsItArrivesAndAccumulatesToTheWholeMessage() {
        String sse = Fixtures.read("anthropic", "chat-basic", "upstream-response.sse");
        CountDownLatch releaseFourth = new CountDownLatch(1);
        UPSTREAM.enqueue(ANTHROPIC_PATH, Reply.sse(List.of()).withRawSse(sse).withLatch(3, releaseFourth));
        UPSTREAM.enqueue(ANTHROPIC_PATH, Reply.json(200, Fixtures.read("anthropic", "chat-basic", "upstream-response.json")));

        MessageAccumulator accumulator = MessageAccumulator.create();
        List<String> seen = new ArrayList<>();
        try (StreamResponse<RawMessageStreamEvent> stream = anthropic().messages().createStreaming(params().build())) {
            Iterator<RawMessageStreamEvent> events = stream.stream().iterator();
            for (int i = 0; i < 3; i++) {
                seen.add(type(accumulator.accumulate(events.next())));
            }
            assertThat(releaseFourth.getCount()).as("the upstream still holds its fourth event").isEqualTo(1);
            releaseFourth.countDown();
            events.forEachRemaining(e -> seen.add(type(accumulator.accumulate(e))));
        }
        Message whole = anthropic().messages().create(params().build());

        assertThat(seen.subList(0, 3)).containsExactly("message_start", "content_block_start", "content_block_delta");
        assertThat(seen.get(seen.size() - 1)).isEqualTo("message_stop");
        assertThat(accumulator.message()).isEqualTo(whole);
    }

    @Test
    void theStreamsBytesAreTheUpstreamsAndTheRowHasItsUsageAndTheClientsSession() throws Exception {
        String sse = Fixtures.read("anthropic", "chat-basic", "upstream-response.sse");
        UPSTREAM.enqueue(ANTHROPIC_PATH, Reply.sse(List.of()).withRawSse(sse));

        HttpResponse<String> response = messages(request(true), Map.of("X-Claude-Code-Session-Id", "3f2a9c1e-session"));

        assertThat(response.headers().firstValue("content-type")).get().asString().startsWith("text/event-stream");
        assertThat(response.body()).isEqualTo(sse);
        JsonNode row = rows(response, 1).get(0);
        assertThat(row.get("api").asText()).isEqualTo("messages");
        assertThat(row.get("status").asText()).isEqualTo("COMPLETE");
        assertThat(row.get("prompt_tokens").asLong()).isEqualTo(31);
        assertThat(row.get("completion_tokens").asLong()).isEqualTo(17);
        assertThat(row.get("usage_source").asText()).isEqualTo("PROVIDER");
        assertThat(row.get("client_session_id").asText()).isEqualTo("3f2a9c1e-session");
    }

    @Test
    void countTokensIsCountedByTheDeploymentAndCostsNothing() throws Exception {
        UPSTREAM.enqueue(ANTHROPIC_COUNT_PATH, Reply.json(200, "{\"input_tokens\":2095}"));

        long counted = anthropic().messages().countTokens(MessageCountTokensParams.builder().model(MODEL)
                .system("Answer in French.").addUserMessage("Tell me about Paris.")
                .putAdditionalHeader("anthropic-beta", BETAS).build()).inputTokens();

        assertThat(counted).isEqualTo(2095);
        Received sent = UPSTREAM.lastRequest();
        assertThat(sent.uri()).isEqualTo(ANTHROPIC_COUNT_PATH);
        assertThat(sent.headers()).containsEntry("x-api-key", ANTHROPIC_KEY)
                .containsEntry("anthropic-beta", "prompt-caching-2024-07-31,fine-grained-tool-streaming-2025-05-14");
        assertThat(Json.parse(sent.body()).get("model").asText()).isEqualTo("claude-sonnet-4-5");

        UPSTREAM.enqueue(ANTHROPIC_COUNT_PATH, Reply.json(200, "{\"input_tokens\":12}"));
        HttpResponse<String> raw = post("/v1/messages/count_tokens", "application/json",
                "{\"model\":\"" + MODEL + "\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
        assertThat(raw.body()).isEqualTo("{\"input_tokens\":12}");
        assertThat(raw.headers().firstValue("x-gateway-token-count")).as("the provider counted").isEmpty();
        assertThat(UPSTREAM.lastRequest().headers()).as("a client that names no version gets Anthropic's first")
                .containsEntry("anthropic-version", "2023-06-01").doesNotContainKey("anthropic-beta");
        JsonNode row = rows(raw, 1).get(0);
        assertThat(row.get("api").asText()).isEqualTo("count_tokens");
        assertThat(row.get("total_tokens").asLong()).isZero();
    }

    @Test
    void anUpstreamErrorReachesTheClientWithItsOwnStatusAndBody() throws Exception {
        String invalid = "{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\",\"message\":\"messages.0.content: "
                + "Input should be a valid list\"},\"request_id\":\"req_011CSHoEeqs5C35K2UUqR7Fy\"}";
        UPSTREAM.enqueue(ANTHROPIC_PATH, Reply.json(400, invalid));

        HttpResponse<String> refused = messages(request(false), Map.of());

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).isEqualTo(invalid);

        String overloaded = "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"},"
                + "\"request_id\":\"req_011overloaded\"}";
        for (int i = 0; i < 3; i++) { // the provider's retries (max-attempts 3) all answer 529
            UPSTREAM.enqueue(ANTHROPIC_PATH, Reply.json(529, overloaded));
        }
        assertThatThrownBy(() -> anthropic().messages().create(params().build()))
                .isInstanceOfSatisfying(AnthropicServiceException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(529);
                    assertThat(json(e.body())).isEqualTo(json(overloaded));
                });
        assertThat(UPSTREAM.received()).hasSize(4);
    }

    @Test
    void anUpstreamErrorEventMidStreamIsTheClientsErrorEventAsTheUpstreamSentIt() throws Exception {
        UPSTREAM.enqueue(ANTHROPIC_PATH, Reply.sse(List.of()).withRawSse(Fixtures.read("anthropic", "t10-overloaded-mid-stream",
                "upstream-response.sse")));

        HttpResponse<String> response = messages(request(true), Map.of());

        assertThat(response.body()).contains("event: content_block_delta")
                .endsWith("event: error\ndata: {\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}\n\n")
                .doesNotContain("message_stop");
        JsonNode row = rows(response, 1).get(0);
        assertThat(row.get("status").asText()).isEqualTo("PARTIAL");
        assertThat(row.get("prompt_tokens").asLong()).isEqualTo(40);
    }

    @Test
    void anErrorEventBeforeAnythingReachedTheClientIsRetriedThenAnsweredAsAnthropicsStatusAndData() {
        String overloaded = "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}";
        for (int i = 0; i < 3; i++) { // max-attempts 3: an in-band overload is retried like a 529
            UPSTREAM.enqueue(ANTHROPIC_PATH, Reply.sse(List.of()).withRawSse("event: error\ndata: " + overloaded + "\n\n"));
        }

        HttpResponse<String> response = messages(request(true), Map.of());

        assertThat(response.statusCode()).isEqualTo(529);
        assertThat(response.body()).isEqualTo(overloaded);
        assertThat(response.headers().firstValue("x-gateway-attempts")).hasValue("3");
    }

    @Test
    void aStreamCutAfterItsFirstBytesEndsWithAnErrorEventAndNoMessageStop() throws Exception {
        String sse = Fixtures.read("anthropic", "chat-basic", "upstream-response.sse");
        String firstEvents = sse.substring(0, sse.indexOf("event: content_block_delta", sse.indexOf("event: content_block_delta") + 1));
        UPSTREAM.enqueue(ANTHROPIC_PATH, Reply.sse(List.of()).withRawSse(firstEvents).thenCut());

        HttpResponse<String> response = messages(request(true), Map.of());

        assertThat(response.body()).startsWith(firstEvents).doesNotContain("message_stop");
        String tail = response.body().substring(firstEvents.length());
        assertThat(tail).startsWith("event: error\ndata: ");
        JsonNode error = Json.parse(tail.substring("event: error\ndata: ".length()).strip());
        assertThat(error.get("type").asText()).isEqualTo("error");
        assertThat(error.path("error").path("type").asText()).isEqualTo("api_error");
        assertThat(error.get("request_id").asText()).isEqualTo(response.headers().firstValue("x-request-id").orElseThrow());
        JsonNode row = rows(response, 1).get(0);
        assertThat(row.get("status").asText()).isEqualTo("PARTIAL");
        assertThat(row.get("prompt_tokens").asLong()).as("message_start's input tokens").isEqualTo(31);
        assertThat(row.get("completion_tokens").asLong()).as("estimated from the text that came").isPositive();
        assertThat(row.get("usage_source").asText()).isEqualTo("ESTIMATED");
    }

    @Test
    void anUpstreamErrorBodyQuotingTheProvidersKeyReachesTheClientMasked() {
        UPSTREAM.enqueue(ANTHROPIC_PATH, Reply.json(400, "{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\","
                + "\"message\":\"bad key " + ANTHROPIC_KEY + " in x-api-key\"}}"));

        HttpResponse<String> refused = messages(request(false), Map.of());

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).doesNotContain(ANTHROPIC_KEY).contains("[redacted]").contains("invalid_request_error");
    }

    private static MessageCreateParams.Builder params() {
        return MessageCreateParams.builder().model(MODEL).maxTokens(200).system("Answer in French.")
                .addUserMessage("Tell me about Paris.");
    }

    private static String request(boolean stream) {
        return "{\"model\":\"" + MODEL + "\",\"max_tokens\":200,\"stream\":" + stream
                + ",\"messages\":[{\"role\":\"user\",\"content\":\"Tell me about Paris.\"}]}";
    }
}
