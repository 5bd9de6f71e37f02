package dev.camelgateway.api.responses;

import com.fasterxml.jackson.databind.JsonNode;
import com.openai.core.http.StreamResponse;
import com.openai.errors.BadRequestException;
import com.openai.errors.NotFoundException;
import com.openai.models.responses.Response;
import com.openai.models.responses.ResponseCreateParams;
import com.openai.models.responses.ResponseFunctionToolCall;
import com.openai.models.responses.ResponseStreamEvent;
import com.openai.models.responses.Tool;
import com.openai.models.responses.WebSearchTool;
import dev.camelgateway.support.FakeUpstream.Reply;
import dev.camelgateway.support.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Responses API through a deployment without a Responses endpoint (Anthropic, a fake upstream speaking the
 * Messages wire format): translated to Chat Completions and back, with the official SDK as the client.
 */
class ResponsesTranslatedTest extends ResponsesTestSupport {
    private static final String MODEL = "anthropic/claude-sonnet-4-5";

    @Test
    void aWholeAnswerIsAResponseTheGatewayStoresAndServesAgain() {
        UPSTREAM.enqueue(ANTHROPIC_PATH, Reply.json(200, Fixtures.read("anthropic", "chat-basic", "upstream-response.json")));

        Response response = openAi().responses().create(ResponseCreateParams.builder().model(MODEL)
                .instructions("Answer in French.").input("Describe Paris.").maxOutputTokens(200L).build());

        assertThat(response.id()).startsWith("resp_");
        assertThat(text(response)).startsWith("Bonjour! Paris");
        assertThat(response.usage().orElseThrow().inputTokens()).isEqualTo(31);
        assertThat(response.usage().orElseThrow().outputTokens()).isEqualTo(17);
        JsonNode sent = json(UPSTREAM.lastRequest().body());
        assertThat(sent.get("system").get(0).get("text").asText()).isEqualTo("Answer in French.");
        assertThat(sent.get("max_tokens").asInt()).isEqualTo(200);
        assertThat(sent.get("messages").get(0).get("content").get(0).get("text").asText()).isEqualTo("Describe Paris.");
        assertThat(text(openAi().responses().retrieve(response.id()))).isEqualTo(text(response));
    }

    @Test
    void aStreamArrivesEventByEventAndCompletesWithItsUsage() {
        CountDownLatch rest = new CountDownLatch(1);
        UPSTREAM.enqueue(ANTHROPIC_PATH, new Reply(200, java.util.Map.of("Content-Type", "text/event-stream"), List.of(),
                java.util.Map.of()).withRawSse(Fixtures.read("anthropic", "chat-basic", "upstream-response.sse"))
                .withLatch(3, rest)); // holds " Paris" back
        List<String> seen = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        Response[] completed = new Response[1];
        try (StreamResponse<ResponseStreamEvent> stream = openAi().responses().createStreaming(ResponseCreateParams
                .builder().model(MODEL).input("Describe Paris.").build())) {
            Iterator<ResponseStreamEvent> events = stream.stream().iterator();
            for (int i = 0; i < 5; i++) {
                ResponseStreamEvent event = events.next();
                seen.add(type(event));
                event.outputTextDelta().ifPresent(d -> text.append(d.delta()));
            }
            assertThat(text).hasToString("Bonjour!");
            assertThat(rest.getCount()).as("the upstream still holds the rest").isEqualTo(1);
            rest.countDown();
            events.forEachRemaining(event -> {
                seen.add(type(event));
                event.outputTextDelta().ifPresent(d -> text.append(d.delta()));
                event.completed().ifPresent(c -> completed[0] = c.response());
            });
        }
        assertThat(seen.subList(0, 4)).containsExactly("response.created", "response.in_progress",
                "response.output_item.added", "response.content_part.added");
        assertThat(seen.subList(seen.size() - 4, seen.size())).containsExactly("response.output_text.done",
                "response.content_part.done", "response.output_item.done", "response.completed");
        assertThat(text).hasToString("Bonjour! Paris est magnifique au printemps — über alles 🌍.");
        assertThat(text(completed[0])).isEqualTo(text.toString());
        assertThat(completed[0].usage().orElseThrow().totalTokens()).isEqualTo(48);
        assertThat(storedRows(completed[0].id())).isEqualTo(1);
    }

    @Test
    void aFunctionToolRoundTripOnPreviousResponseIdSendsTheWholeConversation() {
        UPSTREAM.enqueue(ANTHROPIC_PATH, Reply.json(200, Fixtures.read("anthropic", "chat-parallel-tools", "upstream-response.json")));
        UPSTREAM.enqueue(ANTHROPIC_PATH, Reply.json(200, Fixtures.read("anthropic", "chat-tool-round-trip", "upstream-response.json")));

        Response calls = openAi().responses().create(ResponseCreateParams.builder().model(MODEL)
                .input("Weather in Paris and Tokyo?").addTool(weatherTool()).build());
        List<ResponseFunctionToolCall> functions = calls.output().stream().flatMap(o -> o.functionCall().stream()).toList();
        assertThat(functions).extracting(ResponseFunctionToolCall::callId).containsExactly("toolu_paris", "toolu_tokyo");
        assertThat(functions.get(0).arguments()).isEqualTo("{\"city\":\"Paris\"}");

        Response answer = openAi().responses().create(ResponseCreateParams.builder().model(MODEL)
                .previousResponseId(calls.id()).addTool(weatherTool()).inputOfResponse(List.of(
                        functionOutput("toolu_paris", "18C sunny"), functionOutput("toolu_tokyo", "22C rain"))).build());

        assertThat(text(answer)).isEqualTo("Paris is 18°C and sunny.");
        assertThat(answer.previousResponseId()).contains(calls.id());
        JsonNode messages = json(UPSTREAM.lastRequest().body()).get("messages");
        assertThat(messages).hasSize(3);
        assertThat(messages.get(0).get("content").get(0).get("text").asText()).isEqualTo("Weather in Paris and Tokyo?");
        assertThat(messages.get(1).get("role").asText()).isEqualTo("assistant");
        assertThat(messages.get(1).get("content")).extracting(c -> c.get("type").asText())
                .containsExactly("text", "tool_use", "tool_use");
        assertThat(messages.get(2).get("content")).extracting(c -> c.get("tool_use_id").asText())
                .containsExactly("toolu_paris", "toolu_tokyo");
    }

    @Test
    void aJsonSchemaFormatIsAnsweredWithTheJson() {
        UPSTREAM.enqueue(ANTHROPIC_PATH, Reply.json(200, Fixtures.read("anthropic", "json-mode", "upstream-response.json")));
        Response response = openAi().responses().create(ResponseCreateParams.builder().model(MODEL)
                .input("Weather in Paris as JSON").text(calendarSchema()).build());
        assertThat(json(text(response)).get("city").asText()).isEqualTo("Paris");
        JsonNode sent = json(UPSTREAM.lastRequest().body());
        assertThat(sent.get("tool_choice").get("name").asText()).isEqualTo("json_tool_call");
        assertThat(sent.get("tools").get(0).get("input_schema").get("required")).hasSize(2);
    }

    @Test
    void storeFalseKeepsNothing() {
        UPSTREAM.enqueue(ANTHROPIC_PATH, Reply.json(200, Fixtures.read("anthropic", "chat-basic", "upstream-response.json")));
        Response response = openAi().responses().create(ResponseCreateParams.builder().model(MODEL).input("hi")
                .store(false).build());
        assertThat(storedRows(response.id())).isZero();
        assertThatThrownBy(() -> openAi().responses().retrieve(response.id())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aBuiltInToolIsRefusedByNameBeforeAnyUpstreamCall() {
        assertThatThrownBy(() -> openAi().responses().create(ResponseCreateParams.builder().model(MODEL).input("news?")
                .addTool(Tool.ofWebSearch(WebSearchTool.builder().type(WebSearchTool.Type.WEB_SEARCH).build())).build()))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("'web_search'")
                .satisfies(e -> assertThat(((BadRequestException) e).param()).contains("tools[0].type"))
                .satisfies(e -> assertThat(((BadRequestException) e).code()).contains("unsupported_tool"));
        assertThat(UPSTREAM.received()).isEmpty();
    }

    @Test
    void theShippedDemoDeploymentAnswersThroughItsChatCompletions() {
        Response whole = openAi().responses().create(ResponseCreateParams.builder().model("demo").input("ping").build());
        assertThat(text(whole)).contains("You said:").contains("ping");
        List<ResponseStreamEvent> events = events(openAi(), ResponseCreateParams.builder().model("demo").input("pong").build());
        assertThat(type(events.get(0))).isEqualTo("response.created");
        assertThat(text(events.get(events.size() - 1).completed().orElseThrow().response())).contains("pong");
    }
}
