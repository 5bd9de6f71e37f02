package dev.camelgateway.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.openai.core.JsonValue;
import com.openai.core.http.StreamResponse;
import com.openai.errors.SseException;
import com.openai.helpers.ChatCompletionAccumulator;
import com.openai.models.FunctionDefinition;
import com.openai.models.FunctionParameters;
import com.openai.models.ResponseFormatJsonObject;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionContentPart;
import com.openai.models.chat.completions.ChatCompletionContentPartImage;
import com.openai.models.chat.completions.ChatCompletionContentPartText;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionMessage;
import com.openai.models.chat.completions.ChatCompletionMessageFunctionToolCall;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.chat.completions.ChatCompletionToolMessageParam;
import dev.camelgateway.api.Json;
import dev.camelgateway.support.FakeUpstream.Reply;
import dev.camelgateway.support.Completions;
import dev.camelgateway.support.Fixtures;
import dev.camelgateway.support.GatewayTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Anthropic and Gemini through the running gateway, with the official OpenAI Java SDK as the client and fake upstreams
 * that speak each provider's own wire format. Every scenario is called twice, whole and streamed: the SDK's
 * accumulator must rebuild exactly the completion of the non-streaming call.
 */
class TranslatedProvidersEndToEndTest extends GatewayTestSupport {
    private static final String RED_PIXEL = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==";

    static Stream<Arguments> scenarios() {
        List<Arguments> all = new ArrayList<>();
        for (String provider : List.of("anthropic", "gemini")) {
            String model = provider.equals("anthropic") ? "anthropic/claude-sonnet-4-5" : "gemini/gemini-2.5-flash";
            all.add(Arguments.of(provider, "chat-basic", model));
            all.add(Arguments.of(provider, "chat-parallel-tools", model));
            all.add(Arguments.of(provider, "chat-tool-round-trip", model));
            all.add(Arguments.of(provider, "chat-image", model));
            all.add(Arguments.of(provider, "chat-json-mode", model));
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("scenarios")
    void streamAccumulatesToExactlyTheNonStreamingCompletion(String provider, String scenario, String model) throws Exception {
        boolean anthropic = provider.equals("anthropic");
        UPSTREAM.enqueue(anthropic ? ANTHROPIC_PATH : GEMINI_PATH,
                Reply.json(200, Fixtures.read(provider, scenario, "upstream-response.json")));
        UPSTREAM.enqueue(anthropic ? ANTHROPIC_PATH : GEMINI_STREAM_PATH,
                Reply.sse(List.of()).withRawSse(Fixtures.read(provider, scenario, "upstream-response.sse")));
        ChatCompletionCreateParams params = SCENARIOS.get(scenario).apply(model);

        ChatCompletion whole = openAi().chat().completions().create(params);
        JsonNode firstUpstreamRequest = Json.parse(UPSTREAM.lastRequest().body());
        Completions.assertSameCompletion(whole, Completions.stream(openAi(), params));
        String key = anthropic ? ANTHROPIC_KEY : GEMINI_KEY;
        assertThat(firstUpstreamRequest.toString()).doesNotContain(key);
        assertThat(UPSTREAM.lastRequest().headers()).containsEntry(anthropic ? "x-api-key" : "x-goog-api-key", key);
        assertThat(UPSTREAM.lastRequest().uri()).doesNotContain("key=");
        SCENARIO_CHECKS.getOrDefault(scenario, (p, r) -> { }).check(provider, firstUpstreamRequest);
        if (scenario.equals("chat-json-mode")) {
            assertThat(Json.parse(whole.choices().get(0).message().content().orElseThrow()).get("city").asText()).isEqualTo("Paris");
        }
    }

    @Test
    void multiByteCharactersSplitAcrossUpstreamReadsArriveIntact() {
        String sse = Fixtures.read("anthropic", "chat-basic", "upstream-response.sse");
        byte[] bytes = sse.getBytes(StandardCharsets.UTF_8);
        int umlaut = indexOf(bytes, (byte) 0xC3);
        int globe = indexOf(bytes, (byte) 0xF0);
        UPSTREAM.enqueue(ANTHROPIC_PATH, Reply.raw(List.of(slice(bytes, 0, umlaut + 1), slice(bytes, umlaut + 1, globe + 2),
                slice(bytes, globe + 2, bytes.length)), Map.of()));

        StringBuilder text = new StringBuilder();
        try (StreamResponse<ChatCompletionChunk> stream = openAi().chat().completions().createStreaming(
                SCENARIOS.get("chat-basic").apply("anthropic/claude-sonnet-4-5"))) {
            stream.stream().forEach(c -> c.choices().forEach(ch -> ch.delta().content().ifPresent(text::append)));
        }
        assertThat(text.toString()).isEqualTo("Bonjour! Paris est magnifique au printemps — über alles 🌍.").doesNotContain("\uFFFD");
    }

    @Test
    void anthropicErrorEventEndsTheStreamWithTheErrorAndNoDone() {
        UPSTREAM.enqueue(ANTHROPIC_PATH, Reply.sse(List.of()).withRawSse(Fixtures.read("anthropic", "t10-overloaded-mid-stream",
                "upstream-response.sse")));
        assertStreamFailsWith("anthropic/claude-x", "overloaded_error", 2);
    }

    @Test
    void geminiErrorChunkEndsTheStreamWithTheErrorAndNoDone() {
        UPSTREAM.enqueue(GEMINI_STREAM_PATH, Reply.sse(List.of()).withRawSse(Fixtures.read("gemini", "stream-error-chunk",
                "upstream-response.sse")));
        assertStreamFailsWith("gemini/gemini-2.5-flash", "UNAVAILABLE", 1);

        UPSTREAM.enqueue(GEMINI_STREAM_PATH, Reply.sse(List.of()).withRawSse(Fixtures.read("gemini", "stream-error-chunk",
                "upstream-response.sse")));
        String raw = post("/v1/chat/completions", "application/json",
                "{\"model\":\"gemini/gemini-2.5-flash\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}").body();
        assertThat(raw).contains("data: {\"error\":").doesNotContain("data: [DONE]");
    }

    private static void assertStreamFailsWith(String model, String code, int chunksBefore) {
        List<ChatCompletionChunk> received = new ArrayList<>();
        assertThatThrownBy(() -> {
            try (StreamResponse<ChatCompletionChunk> stream = openAi().chat().completions().createStreaming(
                    ChatCompletionCreateParams.builder().model(model).addUserMessage("hi").build())) {
                stream.stream().forEach(received::add);
            }
        }).isInstanceOfSatisfying(SseException.class, e -> assertThat(e.code()).hasValue(code));
        assertThat(received).hasSize(chunksBefore);
    }

    private interface ScenarioCheck {
        void check(String provider, JsonNode upstreamRequest);
    }

    private static final Map<String, Function<String, ChatCompletionCreateParams>> SCENARIOS = Map.of(
            "chat-basic", model -> base(model).addSystemMessage("Answer in French.").addUserMessage("Tell me about Paris.").build(),
            "chat-parallel-tools", model -> base(model).addUserMessage("Weather in Paris and Tokyo?").addFunctionTool(weatherTool()).build(),
            "chat-tool-round-trip", model -> base(model).addUserMessage("Weather in Paris?").addFunctionTool(weatherTool())
                    .addMessage(ChatCompletionMessage.builder().content((String) null).refusal((String) null)
                            .addToolCall(ChatCompletionMessageFunctionToolCall.builder().id("call_paris01")
                                    .function(ChatCompletionMessageFunctionToolCall.Function.builder().name("get_weather")
                                            .arguments("{\"city\":\"Paris\"}").build()).build()).build())
                    .addMessage(ChatCompletionToolMessageParam.builder().toolCallId("call_paris01").content("18°C, sunny").build())
                    .build(),
            "chat-image", model -> base(model).addUserMessageOfArrayOfContentParts(List.of(
                    ChatCompletionContentPart.ofText(ChatCompletionContentPartText.builder().text("What is this?").build()),
                    ChatCompletionContentPart.ofImageUrl(ChatCompletionContentPartImage.builder().imageUrl(
                            ChatCompletionContentPartImage.ImageUrl.builder().url(RED_PIXEL).build()).build()))).build(),
            "chat-json-mode", model -> base(model).addUserMessage("Weather in Paris as JSON.")
                    .responseFormat(ResponseFormatJsonObject.builder().build()).build());

    private static final Map<String, ScenarioCheck> SCENARIO_CHECKS = Map.of(
            "chat-basic", (provider, sent) -> {
                if (provider.equals("anthropic")) {
                    assertThat(sent.path("system").get(0).get("text").asText()).isEqualTo("Answer in French.");
                } else {
                    assertThat(sent.path("systemInstruction").path("parts").get(0).get("text").asText()).isEqualTo("Answer in French.");
                }
            },
            "chat-tool-round-trip", (provider, sent) -> {
                JsonNode last = sent.path(provider.equals("anthropic") ? "messages" : "contents");
                last = last.get(last.size() - 1);
                if (provider.equals("anthropic")) {
                    assertThat(last.path("content").get(0).get("type").asText()).isEqualTo("tool_result");
                    assertThat(last.path("content").get(0).get("tool_use_id").asText()).isEqualTo("call_paris01");
                } else {
                    assertThat(last.path("parts").get(0).path("functionResponse").path("name").asText()).isEqualTo("get_weather");
                }
            },
            "chat-image", (provider, sent) -> assertThat(sent.toString()).contains("iVBORw0KGgo")
                    .contains(provider.equals("anthropic") ? "\"media_type\":\"image/png\"" : "\"mimeType\":\"image/png\""));

    private static ChatCompletionCreateParams.Builder base(String model) {
        return ChatCompletionCreateParams.builder().model(model).maxCompletionTokens(200);
    }

    private static FunctionDefinition weatherTool() {
        return FunctionDefinition.builder().name("get_weather").parameters(FunctionParameters.builder()
                .putAdditionalProperty("type", JsonValue.from("object"))
                .putAdditionalProperty("properties", JsonValue.from(Map.of("city", Map.of("type", "string"))))
                .build()).build();
    }

    private static byte[] slice(byte[] bytes, int from, int to) {
        return java.util.Arrays.copyOfRange(bytes, from, to);
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        throw new IllegalArgumentException("byte not found");
    }
}
