package dev.camelgateway.e2e;

import com.anthropic.core.ObjectMappers;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.helpers.MessageAccumulator;
import com.anthropic.models.messages.ContentBlock;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.camelgateway.support.FakeUpstream.Reply;
import dev.camelgateway.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * /v1/messages to deployments without Anthropic's API (OpenAI-type, Gemini): translated to Chat Completions and back,
 * with the official Anthropic SDK as the client and fake upstreams speaking each provider's own wire format. Every
 * scenario is called whole and streamed: the SDK's MessageAccumulator must rebuild exactly the whole message.
 */
class MessagesTranslatedEndToEndTest extends MessagesTestSupport {
    /** Scenario → the providers' recorded answer pair (fixtures/openai|gemini/<case>). */
    private static final Map<String, String> ANSWERS = Map.of("e2e-text", "chat-basic",
            "e2e-tool-round-trip", "chat-parallel-tools", "e2e-image", "chat-image", "e2e-pdf", "chat-basic");

    static Stream<Arguments> scenarios() {
        List<Arguments> all = new ArrayList<>();
        for (String scenario : List.of("e2e-text", "e2e-tool-round-trip", "e2e-image", "e2e-pdf")) {
            all.add(Arguments.of("openai", scenario));
            all.add(Arguments.of("gemini", scenario));
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("scenarios")
    void theStreamAccumulatesToExactlyTheWholeMessage(String provider, String scenario) throws IOException {
        boolean openai = provider.equals("openai");
        String answer = openai && scenario.equals("e2e-image") ? "chat-basic" : ANSWERS.get(scenario);
        UPSTREAM.enqueue(openai ? OPENAI_PATH : GEMINI_PATH, Reply.json(200, Fixtures.read(provider, answer, "upstream-response.json")));
        UPSTREAM.enqueue(openai ? OPENAI_PATH : GEMINI_STREAM_PATH,
                Reply.sse(List.of()).withRawSse(Fixtures.read(provider, answer, "upstream-response.sse")));
        MessageCreateParams params = params(scenario, openai ? "openai/gpt-4o-mini" : "gemini/gemini-2.5-flash");

        Message whole = anthropic().messages().create(params);
        JsonNode wholeRequest = json(UPSTREAM.lastRequest().body());
        MessageAccumulator accumulator = MessageAccumulator.create();
        try (StreamResponse<RawMessageStreamEvent> stream = anthropic().messages().createStreaming(params)) {
            stream.stream().forEach(accumulator::accumulate);
        }
        JsonNode streamRequest = json(UPSTREAM.lastRequest().body());

        assertThat(accumulator.message()).isEqualTo(whole);
        assertThat(whole.model().asString()).isEqualTo(params.model().asString());
        assertThat(whole.usage().inputTokens()).isPositive();
        assertThat(whole.usage().outputTokens()).isPositive();
        assertThat(wholeRequest.toString()).doesNotContain(GATEWAY_KEY);
        if (openai) {
            assertThat(streamRequest.path("stream_options").path("include_usage").asBoolean()).isTrue();
        }
        CHECKS.get(scenario).check(openai, wholeRequest, whole);
    }

    @Test
    void translatedEventsReachTheClientAsTheUpstreamSendsThem() {
        CountDownLatch releaseThird = new CountDownLatch(1);
        UPSTREAM.enqueue(OPENAI_PATH, Reply.sse(Fixtures.ssePayloads("openai", "chat-basic", "upstream-response.sse"))
                .withLatch(2, releaseThird));

        List<String> seen = new ArrayList<>();
        try (StreamResponse<RawMessageStreamEvent> stream = anthropic().messages().createStreaming(
                MessageCreateParams.builder().model("openai/gpt-4o-mini").maxTokens(50).addUserMessage("hi").build())) {
            Iterator<RawMessageStreamEvent> events = stream.stream().iterator();
            for (int i = 0; i < 3; i++) {
                seen.add(type(events.next()));
            }
            assertThat(releaseThird.getCount()).as("the upstream still holds its third chunk").isEqualTo(1);
            releaseThird.countDown();
            events.forEachRemaining(e -> seen.add(type(e)));
        }

        assertThat(seen).containsExactly("message_start", "content_block_start", "content_block_delta",
                "content_block_delta", "content_block_delta", "content_block_stop", "message_delta", "message_stop");
    }

    @Test
    void aTranslatedStreamCutAfterItsFirstBytesEndsWithAnErrorEventAndNoMessageStop() throws Exception {
        List<String> chunks = Fixtures.ssePayloads("openai", "chat-basic", "upstream-response.sse");
        UPSTREAM.enqueue(OPENAI_PATH, Reply.sse(chunks.subList(0, 2)).thenCut());

        HttpResponse<String> response = messages("{\"model\":\"openai/gpt-4o-mini\",\"max_tokens\":50,\"stream\":true,"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}", Map.of());

        String body = response.body();
        assertThat(body).startsWith("event: message_start\n").contains("\"text\":\"Hello\"").doesNotContain("message_stop")
                .doesNotContain("message_delta");
        String tail = body.substring(body.lastIndexOf("event: "));
        assertThat(tail).startsWith("event: error\ndata: ");
        JsonNode error = json(tail.substring("event: error\ndata: ".length()).strip());
        assertThat(error.path("error").path("type").asText()).isEqualTo("api_error");
        JsonNode row = rows(response, 1).get(0);
        assertThat(row.get("api").asText()).isEqualTo("messages");
        assertThat(row.get("status").asText()).isEqualTo("PARTIAL");
    }

    @Test
    void aTranslatedAnswersRowSaysMessagesWithTheProvidersUsage() throws Exception {
        UPSTREAM.enqueue(OPENAI_PATH, Reply.json(200, Fixtures.read("openai", "chat-basic", "upstream-response.json")));

        HttpResponse<String> response = messages("{\"model\":\"openai/gpt-4o-mini\",\"max_tokens\":50,"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}", Map.of("X-Claude-Code-Session-Id", "s-1"));

        assertThat(json(response.body()).path("usage").path("input_tokens").asLong()).isEqualTo(9);
        JsonNode row = rows(response, 1).get(0);
        assertThat(row.get("api").asText()).isEqualTo("messages");
        assertThat(row.get("provider").asText()).isEqualTo("openai");
        assertThat(row.get("prompt_tokens").asLong()).isEqualTo(9);
        assertThat(row.get("completion_tokens").asLong()).isEqualTo(8);
        assertThat(row.get("client_session_id").asText()).isEqualTo("s-1");
    }

    private interface Check {
        void check(boolean openai, JsonNode sent, Message answer);
    }

    private static final Map<String, Check> CHECKS = Map.of(
            "e2e-text", (openai, sent, answer) -> {
                if (openai) {
                    assertThat(sent.path("messages").get(0).toString()).isEqualTo("{\"role\":\"system\",\"content\":\"Answer in French.\"}");
                    assertThat(sent.path("max_completion_tokens").asInt()).isEqualTo(200);
                } else {
                    assertThat(sent.path("systemInstruction").path("parts").get(0).path("text").asText()).isEqualTo("Answer in French.");
                }
                assertThat(answer.content().get(0).asText().text()).startsWith(openai ? "Hello" : "Bonjour");
            },
            "e2e-tool-round-trip", (openai, sent, answer) -> {
                if (openai) {
                    assertThat(sent.path("messages").get(2).toString())
                            .isEqualTo("{\"role\":\"tool\",\"tool_call_id\":\"call_paris01\",\"content\":\"18°C, sunny\"}");
                    assertThat(sent.path("tools").get(0).path("function").path("name").asText()).isEqualTo("get_weather");
                } else {
                    assertThat(sent.path("contents").get(2).path("parts").get(0).path("functionResponse").path("name").asText())
                            .isEqualTo("get_weather");
                }
                List<ContentBlock> toolUses = answer.content().stream().filter(ContentBlock::isToolUse).toList();
                assertThat(toolUses).hasSize(2);
                assertThat(json(toolUses.get(0).asToolUse()._input()).toString()).isEqualTo("{\"city\":\"Paris\"}");
                assertThat(answer.stopReason().orElseThrow().asString()).isEqualTo("tool_use");
            },
            "e2e-image", (openai, sent, answer) -> assertThat(sent.toString()).contains("iVBORw0KGgo")
                    .contains(openai ? "\"url\":\"data:image/png;base64," : "\"mimeType\":\"image/png\""),
            "e2e-pdf", (openai, sent, answer) -> assertThat(sent.path(openai ? "messages" : "contents").get(0)
                    .path(openai ? "content" : "parts").get(1).toString()).contains("JVBERi0xLjQK")
                    .contains(openai ? "\"type\":\"file\"" : "\"inlineData\":{\"mimeType\":\"application/pdf\""));

    private static MessageCreateParams params(String scenario, String model) throws IOException {
        String request = Fixtures.read("messages", scenario, "sdk-request.json").replace("MODEL", model);
        return MessageCreateParams.builder().body(ObjectMappers.jsonMapper().readValue(request, MessageCreateParams.Body.class))
                .build();
    }
}
