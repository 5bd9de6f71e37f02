package dev.camelgateway.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.openai.client.OpenAIClient;
import com.openai.core.JsonValue;
import com.openai.core.http.StreamResponse;
import com.openai.helpers.ChatCompletionAccumulator;
import com.openai.models.FunctionDefinition;
import com.openai.models.FunctionParameters;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
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

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The official OpenAI Java SDK against the running gateway, with real-HTTP fake OpenAI and Mistral upstreams. */
class ChatCompletionsEndToEndTest extends GatewayTestSupport {
    private final OpenAIClient client = openAi();

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("openai", OPENAI_PATH, "chat-basic", "openai/gpt-4o-mini"),
                Arguments.of("openai", OPENAI_PATH, "chat-parallel-tools", "openai/gpt-4o"),
                Arguments.of("mistral", MISTRAL_PATH, "chat-basic", "mistral/mistral-large-latest"),
                Arguments.of("mistral", MISTRAL_PATH, "chat-tools", "mistral/mistral-large-latest"));
    }

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("cases")
    void streamAccumulatesToExactlyTheNonStreamingCompletion(String provider, String path, String caseName, String model) {
        UPSTREAM.enqueue(path, Reply.json(200, Fixtures.read(provider, caseName, "upstream-response.json")));
        UPSTREAM.enqueue(path, Reply.sse(Fixtures.ssePayloads(provider, caseName, "upstream-response.sse")));
        ChatCompletionCreateParams params = weatherQuestion(model);

        ChatCompletion whole = client.chat().completions().create(params);
        Completions.assertSameCompletion(whole, Completions.stream(client, params));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("basicCases")
    void withoutIncludeUsageNoChunkCarriesUsage(String provider, String path, String model) {
        UPSTREAM.enqueue(path, Reply.sse(Fixtures.ssePayloads(provider, "chat-basic", "upstream-response.sse")));
        List<ChatCompletionChunk> chunks = new ArrayList<>();
        ChatCompletionCreateParams params = ChatCompletionCreateParams.builder().model(model).addUserMessage("hi").build();
        try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(params)) {
            stream.stream().forEach(chunks::add);
        }
        assertThat(chunks).isNotEmpty().allSatisfy(c -> {
            assertThat(c.choices()).isNotEmpty();
            assertThat(c.usage()).isEmpty();
        });
        if (provider.equals("openai")) {
            assertThat(UPSTREAM.lastRequest().body()).as("the gateway asks for usage on the client's behalf")
                    .contains("\"stream_options\":{\"include_usage\":true}");
        }
    }

    /** Upstream streams that carry usage the client did not ask for: Mistral always, OpenAI because the gateway asks. */
    static Stream<Arguments> basicCases() {
        return Stream.of(Arguments.of("mistral", MISTRAL_PATH, "mistral/mistral-large-latest"),
                Arguments.of("openai", OPENAI_PATH, "openai/gpt-4o-mini"));
    }

    @Test
    void multiTurnToolRoundTripStopAndMaxTokensReachOpenAiUnchanged() throws Exception {
        UPSTREAM.enqueue(OPENAI_PATH, Reply.json(200, Fixtures.read("openai", "chat-basic", "upstream-response.json")));
        ChatCompletionCreateParams params = multiTurn("openai/gpt-4o-mini");

        client.chat().completions().create(params);

        JsonNode sent = Json.parse(UPSTREAM.lastRequest().body());
        assertThat(sent.get("model").asText()).isEqualTo("gpt-4o-mini");
        assertThat(sent.get("messages")).hasSize(5);
        assertThat(sent.get("messages").get(2).get("tool_calls").get(0).get("id").asText()).isEqualTo("call_paris01");
        assertThat(sent.get("messages").get(3).get("tool_call_id").asText()).isEqualTo("call_paris01");
        assertThat(sent.get("stop").asText()).isEqualTo("END");
        assertThat(sent.get("max_tokens").asInt()).isEqualTo(42);
        assertThat(UPSTREAM.lastRequest().headers()).containsEntry("Authorization", "Bearer " + OPENAI_KEY);
    }

    @Test
    void multiTurnToolRoundTripStopAndMaxTokensReachMistralInItsDialect() throws Exception {
        UPSTREAM.enqueue(MISTRAL_PATH, Reply.json(200, Fixtures.read("mistral", "chat-basic", "upstream-response.json")));

        client.chat().completions().create(multiTurn("mistral/mistral-large-latest"));

        JsonNode sent = Json.parse(UPSTREAM.lastRequest().body());
        assertThat(sent.get("model").asText()).isEqualTo("mistral-large-latest");
        String mistralId = sent.get("messages").get(2).get("tool_calls").get(0).get("id").asText();
        assertThat(mistralId).matches("[a-zA-Z0-9]{9}");
        assertThat(sent.get("messages").get(3).get("tool_call_id").asText()).isEqualTo(mistralId);
        assertThat(sent.get("stop").asText()).isEqualTo("END");
        assertThat(sent.get("max_tokens").asInt()).isEqualTo(42);
        assertThat(sent.has("stream_options")).isFalse();
        assertThat(UPSTREAM.lastRequest().headers()).containsEntry("Authorization", "Bearer " + MISTRAL_KEY);
    }

    @Test
    void passthroughKeepsUnknownFieldsAndReplacesOnlyTheModel() throws Exception {
        UPSTREAM.enqueue(OPENAI_PATH, Reply.json(200, Fixtures.read("openai", "chat-basic", "upstream-response.json")));
        String body = """
                {"model":"openai/gpt-4o-mini","messages":[{"role":"user","content":"hi"}],"temperature":0.25,
                 "x_vendor_extension":{"nested":[1,2.50,"three"]},"logit_bias":{"50256":-100},"seed":7}""";

        var response = post("/v1/chat/completions", "application/json", body);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Json.parse(response.body())).isEqualTo(Json.parse(Fixtures.read("openai", "chat-basic", "upstream-response.json")));
        ObjectNode expected = (ObjectNode) Json.parse(body);
        expected.put("model", "gpt-4o-mini");
        assertThat(Json.parse(UPSTREAM.lastRequest().body())).isEqualTo(expected);
        assertThat(response.headers().firstValue("x-gateway-provider")).hasValue("openai");
        assertThat(response.headers().firstValue("x-gateway-attempts")).hasValue("1");
        assertThat(response.headers().firstValue("x-request-id")).hasValueSatisfying(id -> assertThat(id).startsWith("req_"));
    }

    @Test
    void clientRequestIdIsEchoedButNeverReusedAsTheKey() {
        UPSTREAM.enqueue(OPENAI_PATH, Reply.json(200, Fixtures.read("openai", "chat-basic", "upstream-response.json")));
        var response = send(keyed(java.net.http.HttpRequest.newBuilder(java.net.URI.create(gatewayUrl("/chat/completions"))))
                .header("Content-Type", "application/json").header("x-request-id", "client-123")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"model\":\"openai/gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")).build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("x-client-request-id")).hasValue("client-123");
        assertThat(response.headers().firstValue("x-request-id")).hasValueSatisfying(id -> assertThat(id).isNotEqualTo("client-123"));
        assertThat(UPSTREAM.lastRequest().headers()).doesNotContainKey("x-request-id");
    }

    /**
     * Concurrent calls to one provider all reach it at once: none waits for a pooled connection. (The camel-http
     * starter used to copy its own 20-connections-per-host default onto the providers' HTTP components.)
     */
    @Test
    void concurrentStreamsToOneProviderAllReachItAtOnce() throws Exception {
        int streams = 40;
        CountDownLatch allArrived = new CountDownLatch(1);
        for (int i = 0; i < streams; i++) {
            UPSTREAM.enqueue(OPENAI_PATH, Reply.sse(Fixtures.ssePayloads("openai", "chat-basic", "upstream-response.sse"))
                    .withLatch(0, allArrived));
        }
        ExecutorService clients = Executors.newFixedThreadPool(streams);
        try {
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < streams; i++) {
                answers.add(clients.submit(() -> post("/v1/chat/completions", "application/json",
                        "{\"model\":\"openai/gpt-4o-mini\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")));
            }
            UPSTREAM.awaitReceived(streams, 20, TimeUnit.SECONDS);
            assertThat(UPSTREAM.received().size()).as("calls the upstream holds open at the same time").isEqualTo(streams);
            allArrived.countDown();
            for (Future<HttpResponse<String>> answer : answers) {
                HttpResponse<String> response = answer.get(20, TimeUnit.SECONDS);
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(response.body()).endsWith("data: [DONE]\n\n");
            }
        } finally {
            allArrived.countDown();
            clients.shutdownNow();
        }
    }

    private static ChatCompletionCreateParams weatherQuestion(String model) {
        return ChatCompletionCreateParams.builder().model(model)
                .addSystemMessage("You are a weather bot.")
                .addUserMessage("Weather in Paris and Tokyo?")
                .addFunctionTool(FunctionDefinition.builder().name("get_weather")
                        .parameters(FunctionParameters.builder()
                                .putAdditionalProperty("type", JsonValue.from("object"))
                                .putAdditionalProperty("properties", JsonValue.from(Map.of("city", Map.of("type", "string"))))
                                .build())
                        .build())
                .build();
    }

    private static ChatCompletionCreateParams multiTurn(String model) {
        return ChatCompletionCreateParams.builder().model(model)
                .addSystemMessage("You are a weather bot.")
                .addUserMessage("Weather in Paris?")
                .addMessage(com.openai.models.chat.completions.ChatCompletionMessage.builder().content((String) null)
                        .refusal((String) null)
                        .addToolCall(com.openai.models.chat.completions.ChatCompletionMessageFunctionToolCall.builder()
                                .id("call_paris01")
                                .function(com.openai.models.chat.completions.ChatCompletionMessageFunctionToolCall.Function
                                        .builder().name("get_weather").arguments("{\"city\":\"Paris\"}").build())
                                .build())
                        .build())
                .addMessage(ChatCompletionToolMessageParam.builder().toolCallId("call_paris01").content("18°C, sunny").build())
                .addUserMessage("Thanks! Summarise it.")
                .stop("END")
                .maxTokens(42)
                .build();
    }

}
