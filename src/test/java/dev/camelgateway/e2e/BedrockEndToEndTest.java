package dev.camelgateway.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.openai.core.JsonValue;
import com.openai.core.http.StreamResponse;
import com.openai.errors.SseException;
import com.openai.models.FunctionDefinition;
import com.openai.models.FunctionParameters;
import com.openai.models.ReasoningEffort;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionContentPart;
import com.openai.models.chat.completions.ChatCompletionContentPartText;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionMessage;
import com.openai.models.chat.completions.ChatCompletionMessageFunctionToolCall;
import com.openai.models.chat.completions.ChatCompletionToolMessageParam;
import dev.camelgateway.api.Json;
import dev.camelgateway.support.AwsEventStreamFrames;
import dev.camelgateway.support.Completions;
import dev.camelgateway.support.FakeUpstream.Received;
import dev.camelgateway.support.FakeUpstream.Reply;
import dev.camelgateway.support.Fixtures;
import dev.camelgateway.support.GatewayTestSupport;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code type: bedrock} through the running gateway, the official OpenAI Java SDK as the client, and a fake Bedrock
 * that speaks Converse: JSON for whole answers, the binary AWS event stream (encoded by the SDK's codec) for streams,
 * Bedrock's error answers. Deployment {@code bedrock} uses a Bedrock API key, {@code bedrock-sigv4} SigV4.
 */
class BedrockEndToEndTest extends GatewayTestSupport {
    private static final String MODEL = "anthropic.claude-sonnet-4-5-20250929-v1:0";
    private static final String CONVERSE = BEDROCK_BASE + "/model/" + MODEL + "/converse";
    private static final String CONVERSE_STREAM = BEDROCK_BASE + "/model/" + MODEL + "/converse-stream";

    @Test
    void theStreamedAnswerAccumulatesToTheWholeAnswer() throws Exception {
        UPSTREAM.enqueue(CONVERSE, Reply.json(200, Fixtures.read("bedrock", "chat-stream-e2e", "upstream-response.json")));
        UPSTREAM.enqueue(CONVERSE_STREAM, eventStream("chat-stream-e2e"));
        ChatCompletionCreateParams params = base("bedrock/" + MODEL).addSystemMessage("Be brief.").addUserMessage("capital of France?").build();

        ChatCompletion whole = openAi().chat().completions().create(params);
        Received wholeRequest = UPSTREAM.lastRequest();
        Completions.Streamed streamed = Completions.stream(openAi(), params);
        Received streamRequest = UPSTREAM.lastRequest();

        assertThat(whole.choices().get(0).message().content()).hasValue("The capital is Paris.");
        assertThat(Completions.summary(streamed.rebuilt())).isEqualTo(Completions.summary(whole));
        assertThat(streamed.rebuilt().usage()).isEqualTo(whole.usage()).isPresent();
        assertThat(streamed.rebuilt().model()).isEqualTo(whole.model()).isEqualTo(MODEL);
        assertThat(streamed.chunks().get(streamed.chunks().size() - 1).choices()).as("the usage chunk").isEmpty();
        assertThat(wholeRequest.uri()).isEqualTo(CONVERSE.replace(":", "%3A"));
        assertThat(streamRequest.uri()).isEqualTo(CONVERSE_STREAM.replace(":", "%3A"));
        assertThat(streamRequest.headers()).containsEntry("Accept", "application/vnd.amazon.eventstream");
        for (Received request : List.of(wholeRequest, streamRequest)) {
            assertThat(request.headers()).containsEntry("Authorization", "Bearer " + BEDROCK_KEY);
            JsonNode sent = Json.parse(request.body());
            assertThat(sent.path("system").get(0).path("text").asText()).isEqualTo("Be brief.");
            assertThat(sent.path("inferenceConfig").path("maxTokens").asInt()).isEqualTo(200);
            assertThat(sent.toString()).doesNotContain(BEDROCK_KEY);
        }
    }

    @Test
    void aToolRoundTripSendsToolUseAndMergedToolResultsAndReturnsToolCalls() throws Exception {
        UPSTREAM.enqueue(CONVERSE, Reply.json(200, Fixtures.read("bedrock", "chat-tools-round-trip", "upstream-response.json")));
        ChatCompletionCreateParams params = base("bedrock/" + MODEL).addUserMessage("Weather in Paris and Rome?")
                .addFunctionTool(weatherTool())
                .addMessage(ChatCompletionMessage.builder().content((String) null).refusal((String) null)
                        .addToolCall(call("tooluse_1", "{\"city\":\"Paris\"}")).addToolCall(call("tooluse_2", "{\"city\":\"Rome\"}")).build())
                .addMessage(ChatCompletionToolMessageParam.builder().toolCallId("tooluse_1").content("18C").build())
                .addMessage(ChatCompletionToolMessageParam.builder().toolCallId("tooluse_2").content("24C").build())
                .build();

        ChatCompletion answer = openAi().chat().completions().create(params);

        var call = answer.choices().get(0).message().toolCalls().orElseThrow().get(0).asFunction();
        assertThat(call.id()).isEqualTo("tooluse_3");
        assertThat(call.function().name()).isEqualTo("now");
        assertThat(answer.choices().get(0).finishReason().asString()).isEqualTo("tool_calls");
        JsonNode messages = Json.parse(UPSTREAM.lastRequest().body()).path("messages");
        assertThat(messages).hasSize(3);
        assertThat(messages.get(1).path("content").get(1).path("toolUse").path("input").path("city").asText()).isEqualTo("Rome");
        JsonNode results = messages.get(2).path("content");
        assertThat(messages.get(2).path("role").asText()).isEqualTo("user");
        assertThat(results).hasSize(2);
        assertThat(results.get(1).path("toolResult").path("toolUseId").asText()).isEqualTo("tooluse_2");
        assertThat(Json.parse(UPSTREAM.lastRequest().body()).path("toolConfig").path("tools").get(0)
                .path("toolSpec").path("inputSchema").path("json").path("type").asText()).isEqualTo("object");
    }

    @Test
    void aPdfFilePartAndReasoningEffortReachBedrockAsConverseExpects() throws Exception {
        UPSTREAM.enqueue(CONVERSE, Reply.json(200, Fixtures.read("bedrock", "reasoning-thinking", "upstream-response.json")));
        String pdf = "JVBERi0xLjQKJcfsj6IKMSAwIG9iago8PD4+CmVuZG9iagp0cmFpbGVyCjw8Pj4KJSVFT0YK";
        ChatCompletionCreateParams params = ChatCompletionCreateParams.builder().model("bedrock/" + MODEL)
                .maxCompletionTokens(4000).reasoningEffort(ReasoningEffort.LOW)
                .addUserMessageOfArrayOfContentParts(List.of(
                        ChatCompletionContentPart.ofText(ChatCompletionContentPartText.builder().text("Summarise.").build()),
                        ChatCompletionContentPart.ofFile(ChatCompletionContentPart.File.builder().file(
                                ChatCompletionContentPart.File.FileObject.builder()
                                        .fileData("data:application/pdf;base64," + pdf).filename("report.pdf").build()).build())))
                .build();

        ChatCompletion answer = openAi().chat().completions().create(params);

        assertThat(answer.choices().get(0).message()._additionalProperties().get("reasoning_content"))
                .isEqualTo(JsonValue.from("1001 = 7 x 11 x 13."));
        JsonNode sent = Json.parse(UPSTREAM.lastRequest().body());
        assertThat(sent.path("messages").get(0).path("content").get(1)).isEqualTo(Json.parse(
                "{\"document\":{\"format\":\"pdf\",\"name\":\"report pdf\",\"source\":{\"bytes\":\"" + pdf + "\"}}}"));
        assertThat(sent.path("additionalModelRequestFields")).isEqualTo(Json.parse(
                "{\"thinking\":{\"type\":\"enabled\",\"budget_tokens\":2048}}"));
        assertThat(sent.path("inferenceConfig").path("maxTokens").asInt()).isEqualTo(4000);
    }

    @Test
    void aThrottlingExceptionIsRetriedLikeA429() {
        UPSTREAM.enqueue(CONVERSE, Reply.json(429, "{\"message\":\"Too many requests, please wait before trying again.\"}",
                Map.of("x-amzn-ErrorType", "ThrottlingException:http://internal.amazon.com/coral/com.amazon.bedrock/")));
        UPSTREAM.enqueue(CONVERSE, Reply.json(200, Fixtures.read("bedrock", "chat-text", "upstream-response.json")));
        int before = UPSTREAM.received().size();

        ChatCompletion answer = openAi().chat().completions().create(base("bedrock/" + MODEL).addUserMessage("hi").build());

        assertThat(answer.choices().get(0).message().content()).hasValue("Madrid.");
        assertThat(UPSTREAM.received()).hasSize(before + 2);
    }

    @Test
    void aThrottlingExceptionFrameBeforeAnyOutputIsRetriedToo() throws Exception {
        UPSTREAM.enqueue(CONVERSE_STREAM, eventStream("stream-throttling-first"));
        UPSTREAM.enqueue(CONVERSE_STREAM, eventStream("chat-stream-e2e"));

        Completions.Streamed streamed = Completions.stream(openAi(), base("bedrock/" + MODEL).addUserMessage("hi").build());

        assertThat(streamed.rebuilt().choices().get(0).message().content()).hasValue("The capital is Paris.");
    }

    @Test
    void aMidStreamExceptionEndsTheStreamWithTheErrorEventAndNoDone() throws Exception {
        UPSTREAM.enqueue(CONVERSE_STREAM, eventStream("stream-model-error-mid-stream"));
        List<ChatCompletionChunk> received = new ArrayList<>();

        assertThatThrownBy(() -> {
            try (StreamResponse<ChatCompletionChunk> stream = openAi().chat().completions().createStreaming(
                    base("bedrock/" + MODEL).addUserMessage("hi").build())) {
                stream.stream().forEach(received::add);
            }
        }).isInstanceOfSatisfying(SseException.class, e -> assertThat(e.code()).hasValue("modelStreamErrorException"));
        assertThat(received).hasSize(2);
        assertThat(received.get(1).choices().get(0).delta().content()).hasValue("Par");
    }

    @Test
    void theSigV4DeploymentSignsEachAttemptWithItsRegionAndService() {
        String path = BEDROCK_SIGV4_BASE + "/model/" + MODEL + "/converse";
        UPSTREAM.enqueue(path, Reply.json(200, Fixtures.read("bedrock", "chat-text", "upstream-response.json")));

        ChatCompletion answer = openAi().chat().completions().create(base("bedrock-sigv4/" + MODEL).addUserMessage("hi").build());

        assertThat(answer.choices().get(0).message().content()).hasValue("Madrid.");
        Map<String, String> headers = UPSTREAM.lastRequest().headers();
        assertThat(headers.get("Authorization"))
                .matches("AWS4-HMAC-SHA256 Credential=" + AWS_ACCESS_KEY + "/\\d{8}/eu-west-3/bedrock/aws4_request, "
                        + "SignedHeaders=host;x-amz-content-sha256;x-amz-date;x-amz-security-token, Signature=[0-9a-f]{64}")
                .doesNotContain(AWS_SECRET_KEY);
        assertThat(headers.get("X-Amz-Date")).matches("\\d{8}T\\d{6}Z");
        assertThat(headers.get("X-Amz-Security-Token")).isEqualTo(AWS_SESSION_TOKEN);
        assertThat(headers.get("x-amz-content-sha256")).isEqualTo(sha256(UPSTREAM.lastRequest().body()));
        assertThat(headers.get("Host")).isEqualTo("127.0.0.1:" + UPSTREAM.port());
    }

    private static Reply eventStream(String fixtureCase) throws Exception {
        List<byte[]> frames = AwsEventStreamFrames.pieces(Json.parse(Fixtures.read("bedrock", fixtureCase, "upstream-response.frames.json")));
        return new Reply(200, Map.of("Content-Type", "application/vnd.amazon.eventstream"), frames, Map.of());
    }

    private static ChatCompletionCreateParams.Builder base(String model) {
        return ChatCompletionCreateParams.builder().model(model).maxCompletionTokens(200);
    }

    private static ChatCompletionMessageFunctionToolCall call(String id, String arguments) {
        return ChatCompletionMessageFunctionToolCall.builder().id(id).function(ChatCompletionMessageFunctionToolCall.Function
                .builder().name("get_weather").arguments(arguments).build()).build();
    }

    private static FunctionDefinition weatherTool() {
        return FunctionDefinition.builder().name("get_weather").parameters(FunctionParameters.builder()
                .putAdditionalProperty("type", JsonValue.from("object"))
                .putAdditionalProperty("properties", JsonValue.from(Map.of("city", Map.of("type", "string"))))
                .build()).build();
    }

    private static String sha256(String body) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
