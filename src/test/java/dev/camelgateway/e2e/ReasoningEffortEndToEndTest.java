package dev.camelgateway.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.openai.core.JsonValue;
import com.openai.models.ReasoningEffort;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.camelgateway.api.Json;
import dev.camelgateway.support.Completions;
import dev.camelgateway.support.FakeUpstream.Reply;
import dev.camelgateway.support.Fixtures;
import dev.camelgateway.support.GatewayTestSupport;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code reasoning_effort} from the official OpenAI Java SDK through the running gateway to fake Anthropic and Gemini
 * upstreams: the thinking budget the upstream receives, and the thinking that comes back as {@code reasoning_content}
 * (read from the raw JSON: the SDK has no accessor), never inside the content the SDK accumulates.
 */
class ReasoningEffortEndToEndTest extends GatewayTestSupport {

    @Test
    void anthropicGetsAThinkingBudgetAndItsThinkingStaysOutOfContent() throws Exception {
        UPSTREAM.enqueue(ANTHROPIC_PATH, Reply.json(200, Fixtures.read("anthropic", "reasoning-thinking-answer", "upstream-response.json")));
        UPSTREAM.enqueue(ANTHROPIC_PATH, Reply.sse(List.of()).withRawSse(
                Fixtures.read("anthropic", "reasoning-thinking-stream", "upstream-response.sse")));
        ChatCompletionCreateParams params = ChatCompletionCreateParams.builder().model("anthropic/claude-sonnet-4-5")
                .maxCompletionTokens(16000).reasoningEffort(ReasoningEffort.MEDIUM).addUserMessage("hi").build();

        ChatCompletion whole = openAi().chat().completions().create(params);
        JsonNode sent = Json.parse(UPSTREAM.lastRequest().body());
        assertThat(sent.path("thinking").path("type").asText()).isEqualTo("enabled");
        assertThat(sent.path("thinking").path("budget_tokens").asInt()).isEqualTo(8192);
        assertThat(sent.path("max_tokens").asInt()).isEqualTo(16000);
        assertThat(whole.choices().get(0).message().content()).hasValue("Hello!");
        assertThat(reasoning(whole)).hasValue("The user greets me. I answer briefly.");

        Completions.Streamed streamed = Completions.stream(openAi(), params);
        assertThat(Json.parse(UPSTREAM.lastRequest().body()).path("thinking").path("budget_tokens").asInt()).isEqualTo(8192);
        assertThat(streamed.rebuilt().choices().get(0).message().content()).hasValue("Hello");
        assertThat(streamedReasoning(streamed)).isEqualTo("Let me think.");
    }

    @Test
    void geminiGetsAThinkingConfigAndItsThoughtsStayOutOfContent() throws Exception {
        UPSTREAM.enqueue(GEMINI_PATH, Reply.json(200, Fixtures.read("gemini", "reasoning-minimal-thoughts-answer", "upstream-response.json")));
        UPSTREAM.enqueue(GEMINI_STREAM_PATH, Reply.sse(List.of()).withRawSse(
                Fixtures.read("gemini", "reasoning-high-thoughts-stream", "upstream-response.sse")));
        ChatCompletionCreateParams params = ChatCompletionCreateParams.builder().model("gemini/gemini-2.5-flash")
                .reasoningEffort(ReasoningEffort.HIGH).addUserMessage("hi").build();

        ChatCompletion whole = openAi().chat().completions().create(params);
        JsonNode thinking = Json.parse(UPSTREAM.lastRequest().body()).path("generationConfig").path("thinkingConfig");
        assertThat(thinking.path("thinkingBudget").asInt()).isEqualTo(24576);
        assertThat(thinking.path("includeThoughts").asBoolean()).isTrue();
        assertThat(whole.choices().get(0).message().content()).hasValue("Hello!");
        assertThat(reasoning(whole)).hasValue("**Greeting** The user says hi.");
        assertThat(whole.usage().orElseThrow().completionTokensDetails().orElseThrow().reasoningTokens()).hasValue(20L);

        Completions.Streamed streamed = Completions.stream(openAi(), params);
        assertThat(UPSTREAM.lastRequest().uri()).contains(":streamGenerateContent");
        assertThat(streamed.rebuilt().choices().get(0).message().content()).hasValue("Hello");
        assertThat(streamedReasoning(streamed)).isEqualTo("**Plan** Think first.");
    }

    /**
     * The tool loop of a thinking model with the SDK: the answer's assistant message sent back with its
     * {@code thinking_blocks} (the Java SDK's {@code toParam()} keeps no unknown field, so the agent copies it, as
     * LiteLLM's users do), then the tool's result. Anthropic gets the signed thinking blocks again, unchanged, ahead of
     * the tool call (it refuses the turn without them).
     */
    @Test
    void anthropicThinkingBlocksComeBackInAToolLoop() throws Exception {
        UPSTREAM.enqueue(ANTHROPIC_PATH, Reply.json(200, """
                {"id":"msg_t1","type":"message","role":"assistant","model":"claude-x","content":[
                  {"type":"thinking","thinking":"I need the weather.","signature":"EqQBsig-one"},
                  {"type":"redacted_thinking","data":"EmwKredacted"},
                  {"type":"tool_use","id":"toolu_9","name":"get_weather","input":{"city":"Paris"}}],
                 "stop_reason":"tool_use","usage":{"input_tokens":12,"output_tokens":30}}"""));
        UPSTREAM.enqueue(ANTHROPIC_PATH, Reply.json(200, Fixtures.read("anthropic", "reasoning-thinking-answer", "upstream-response.json")));
        ChatCompletionCreateParams first = ChatCompletionCreateParams.builder().model("anthropic/claude-x")
                .maxCompletionTokens(4000).reasoningEffort(ReasoningEffort.LOW).addUserMessage("Weather in Paris?")
                .addTool(com.openai.models.chat.completions.ChatCompletionFunctionTool.builder()
                        .function(com.openai.models.FunctionDefinition.builder().name("get_weather").build()).build())
                .build();

        ChatCompletion toolCall = openAi().chat().completions().create(first);
        com.openai.models.chat.completions.ChatCompletionMessage message = toolCall.choices().get(0).message();
        assertThat(message.toolCalls().orElseThrow()).hasSize(1);
        JsonValue blocks = message._additionalProperties().get("thinking_blocks");
        assertThat(blocks).isNotNull();
        openAi().chat().completions().create(first.toBuilder()
                .addMessage(message.toParam().toBuilder().putAdditionalProperty("thinking_blocks", blocks).build())
                .addMessage(com.openai.models.chat.completions.ChatCompletionToolMessageParam.builder()
                        .toolCallId("toolu_9").content("18C").build()).build());

        JsonNode assistant = Json.parse(UPSTREAM.lastRequest().body()).path("messages").get(1);
        assertThat(assistant.path("role").asText()).isEqualTo("assistant");
        assertThat(assistant.path("content").get(0).path("type").asText()).isEqualTo("thinking");
        assertThat(assistant.path("content").get(0).path("signature").asText()).isEqualTo("EqQBsig-one");
        assertThat(assistant.path("content").get(0).path("thinking").asText()).isEqualTo("I need the weather.");
        assertThat(assistant.path("content").get(1).path("data").asText()).isEqualTo("EmwKredacted");
        assertThat(assistant.path("content").get(2).path("type").asText()).isEqualTo("tool_use");
    }

    private static Optional<String> reasoning(ChatCompletion completion) {
        JsonValue value = completion.choices().get(0).message()._additionalProperties().get("reasoning_content");
        return value == null ? Optional.empty() : value.asString();
    }

    /** The reasoning_content deltas in arrival order, joined. */
    private static String streamedReasoning(Completions.Streamed streamed) {
        StringBuilder text = new StringBuilder();
        streamed.chunks().forEach(chunk -> chunk.choices().forEach(choice -> {
            JsonValue value = choice.delta()._additionalProperties().get("reasoning_content");
            if (value != null) {
                text.append(value.asString().orElseThrow());
            }
        }));
        return text.toString();
    }
}
