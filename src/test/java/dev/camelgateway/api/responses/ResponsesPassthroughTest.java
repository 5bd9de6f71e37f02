package dev.camelgateway.api.responses;

import com.fasterxml.jackson.databind.JsonNode;
import com.openai.core.http.StreamResponse;
import com.openai.errors.BadRequestException;
import com.openai.errors.NotFoundException;
import com.openai.models.responses.Response;
import com.openai.models.responses.ResponseCreateParams;
import com.openai.models.responses.ResponseFunctionToolCall;
import com.openai.models.responses.ResponseStreamEvent;
import com.openai.models.responses.inputitems.InputItemListParams;
import dev.camelgateway.support.FakeUpstream.Reply;
import dev.camelgateway.support.TestKeys;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Responses API through an OpenAI-type deployment that serves it (the test config's {@code openai}, passthrough):
 * the official SDK against a fake upstream speaking the Responses wire format (JSON, and SSE with {@code event:} lines).
 */
class ResponsesPassthroughTest extends ResponsesTestSupport {

    @Test
    void createRetrieveListInputItemsAndDelete() {
        String id = newId();
        UPSTREAM.enqueue(OPENAI_RESPONSES, openAiJson("text.json", id));

        Response response = openAi().responses().create(ResponseCreateParams.builder().model("openai/gpt-4.1")
                .input("Tell me a three sentence bedtime story about a unicorn.").build());

        assertThat(response.id()).isEqualTo(id);
        assertThat(text(response)).startsWith("In a peaceful grove");
        JsonNode sent = json(UPSTREAM.lastRequest().body());
        assertThat(sent.get("model").asText()).as("the upstream model").isEqualTo("gpt-4.1");
        assertThat(sent.get("input").asText()).startsWith("Tell me");
        assertThat(UPSTREAM.lastRequest().headers().get("Authorization")).isEqualTo("Bearer " + OPENAI_KEY);
        assertThat(storedRows(id)).as("stored before the answer went out").isEqualTo(1);

        Response again = openAi().responses().retrieve(id);
        assertThat(again.id()).isEqualTo(id);
        assertThat(text(again)).isEqualTo(text(response));
        var items = openAi().responses().inputItems().list(id).data();
        assertThat(items).hasSize(1);
        assertThat(items.get(0).responseInputMessageItem().orElseThrow().content().get(0).inputText().orElseThrow().text())
                .startsWith("Tell me");

        openAi().responses().delete(id);
        assertThatThrownBy(() -> openAi().responses().retrieve(id)).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("Response with id '" + id + "' not found.");
        assertThat(UPSTREAM.received()).as("GET and DELETE are the gateway's own").hasSize(1);
    }

    @Test
    void theUpstreamsEventsArriveAsTheyComeAndAsSent() {
        String id = newId();
        CountDownLatch rest = new CountDownLatch(1);
        UPSTREAM.enqueue(OPENAI_RESPONSES, openAiSse("text.sse", id).withLatch(5, rest)); // holds the second delta
        List<String> seen = new ArrayList<>();
        try (StreamResponse<ResponseStreamEvent> stream = openAi().responses().createStreaming(ResponseCreateParams
                .builder().model("openai/gpt-4.1").instructions("You are a helpful assistant.").input("Hello!").build())) {
            Iterator<ResponseStreamEvent> events = stream.stream().iterator();
            for (int i = 0; i < 5; i++) {
                seen.add(type(events.next()));
            }
            assertThat(rest.getCount()).as("the upstream still holds the rest").isEqualTo(1);
            rest.countDown();
            events.forEachRemaining(e -> {
                seen.add(type(e));
                e.completed().ifPresent(c -> assertThat(c.response().usage().orElseThrow().totalTokens()).isEqualTo(48));
            });
        }
        assertThat(seen).containsExactly("response.created", "response.in_progress", "response.output_item.added",
                "response.content_part.added", "response.output_text.delta", "response.output_text.delta",
                "response.output_text.delta", "response.output_text.done", "response.content_part.done",
                "response.output_item.done", "response.completed");
        assertThat(json(UPSTREAM.lastRequest().body()).get("stream").asBoolean()).isTrue();
        assertThat(storedRows(id)).isEqualTo(1);
    }

    @Test
    void aFunctionToolRoundTripContinuesThePreviousResponseWhereTheUpstreamKeepsIt() {
        String first = newId();
        String second = newId();
        UPSTREAM.enqueue(OPENAI_RESPONSES, openAiJson("function-call.json", first));
        UPSTREAM.enqueue(OPENAI_RESPONSES, openAiJson("text.json", second));

        Response call = openAi().responses().create(ResponseCreateParams.builder().model("openai/gpt-4.1")
                .input("What is the weather like in Boston today?").addTool(weatherTool()).build());
        ResponseFunctionToolCall function = call.output().get(0).functionCall().orElseThrow();
        assertThat(function.name()).isEqualTo("get_current_weather");
        Response answer = openAi().responses().create(ResponseCreateParams.builder().model("openai/gpt-4.1")
                .previousResponseId(call.id()).addTool(weatherTool())
                .inputOfResponse(List.of(functionOutput(function.callId(), "{\"temperature\":\"22C\"}"))).build());

        assertThat(answer.id()).isEqualTo(second);
        JsonNode sent = json(UPSTREAM.lastRequest().body());
        assertThat(sent.get("previous_response_id").asText()).as("the upstream keeps it: sent as is").isEqualTo(first);
        assertThat(sent.get("input")).hasSize(1);
        assertThat(sent.get("input").get(0).get("type").asText()).isEqualTo("function_call_output");
    }

    @Test
    void aJsonSchemaFormatTravelsAsSentAndTheAnswerIsTheJson() {
        String id = newId();
        UPSTREAM.enqueue(OPENAI_RESPONSES, openAiJson("json-schema.json", id));
        Response response = openAi().responses().create(ResponseCreateParams.builder().model("openai/gpt-4.1")
                .input("Alice and Bob are going to a science fair on Friday.").text(calendarSchema()).build());
        assertThat(json(text(response)).get("name").asText()).isEqualTo("Science Fair");
        JsonNode format = json(UPSTREAM.lastRequest().body()).get("text").get("format");
        assertThat(format.get("type").asText()).isEqualTo("json_schema");
        assertThat(format.get("name").asText()).isEqualTo("calendar_event");
        assertThat(format.get("schema").get("required")).hasSize(2);
    }

    @Test
    void storeFalseKeepsNothingAndNothingCanContinueIt() {
        String id = newId();
        UPSTREAM.enqueue(OPENAI_RESPONSES, openAiJson("text.json", id));
        Response response = openAi().responses().create(ResponseCreateParams.builder().model("openai/gpt-4.1")
                .input("hi").store(false).build());
        assertThat(response.id()).isEqualTo(id);
        assertThat(storedRows(id)).isZero();
        assertThatThrownBy(() -> openAi().responses().retrieve(id)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> openAi().responses().create(ResponseCreateParams.builder().model("openai/gpt-4.1")
                .input("more").previousResponseId(id).build())).isInstanceOf(BadRequestException.class)
                .hasMessageContaining("Previous response with id '" + id + "' not found.")
                .satisfies(e -> assertThat(((BadRequestException) e).code()).contains("previous_response_not_found"));
        assertThat(UPSTREAM.received()).as("an unknown previous response never reaches the upstream").hasSize(1);
    }

    @Test
    void anotherKeyNeitherSeesNorContinuesNorDeletesAResponse() {
        String id = newId();
        UPSTREAM.enqueue(OPENAI_RESPONSES, openAiJson("text.json", id));
        openAi().responses().create(ResponseCreateParams.builder().model("openai/gpt-4.1").input("hi").build());

        var other = openAi(TestKeys.TEAM_KEY);
        assertThatThrownBy(() -> other.responses().retrieve(id)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> other.responses().inputItems().list(id)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> other.responses().delete(id)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> other.responses().create(ResponseCreateParams.builder().model("openai/gpt-4.1")
                .input("more").previousResponseId(id).build())).isInstanceOf(BadRequestException.class)
                .hasMessageContaining("Previous response with id");
        assertThat(openAi().responses().retrieve(id).id()).as("still there for its own key").isEqualTo(id);
    }

    @Test
    void inputItemsArePagedOpenAiStyle() {
        String id = newId();
        UPSTREAM.enqueue(OPENAI_RESPONSES, openAiJson("text.json", id));
        openAi().responses().create(ResponseCreateParams.builder().model("openai/gpt-4.1").inputOfResponse(List.of(
                functionOutput("call_1", "one"), functionOutput("call_2", "two"), functionOutput("call_3", "three")))
                .build());

        var page = openAi().responses().inputItems().list(id, InputItemListParams.builder().limit(2L).build());
        assertThat(page.data()).as("newest first by default").hasSize(2);
        assertThat(page.data().get(0).functionCallOutput().orElseThrow().callId()).contains("call_3");
        assertThat(page.hasMore()).contains(true);
        var asc = openAi().responses().inputItems().list(id, InputItemListParams.builder()
                .order(InputItemListParams.Order.ASC).after(page.data().get(0).functionCallOutput().orElseThrow().id()).build());
        assertThat(asc.data()).hasSize(0);
        var rest = openAi().responses().inputItems().list(id, InputItemListParams.builder().limit(2L)
                .after(page.data().get(1).functionCallOutput().orElseThrow().id()).build());
        assertThat(rest.data()).hasSize(1);
        assertThat(rest.data().get(0).functionCallOutput().orElseThrow().callId()).contains("call_1");
        assertThat(rest.hasMore()).contains(false);
    }

    @Test
    void anUpstreamErrorReachesTheClientInTheUpstreamsOwnWords() {
        UPSTREAM.enqueue(OPENAI_RESPONSES, Reply.json(400, UpstreamResponses.text("error-400.json", "")));
        assertThatThrownBy(() -> openAi().responses().create(ResponseCreateParams.builder().model("openai/gpt-4.1")
                .input("hi").build())).isInstanceOf(BadRequestException.class)
                .hasMessageContaining("Invalid type for 'input[0].content'")
                .satisfies(e -> assertThat(((BadRequestException) e).param()).contains("input[0].content"));
    }
}
