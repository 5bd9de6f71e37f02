package dev.camelgateway.api.responses;

import com.openai.models.responses.Response;
import com.openai.models.responses.ResponseCreateParams;
import com.openai.models.responses.ResponseStreamEvent;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A stateless deployment (Ollama) keeps no responses and its ids need not be unique (Ollama's: {@code resp_} and six
 * digits): the gateway gives each answer an id of its own, in the Response and in every stream event's response.
 */
class ResponsesStatelessIdsTest extends ResponsesTestSupport {
    private static final String OLLAMA_RESPONSES = "/ollama/v1/responses";

    @Test
    void twoAnswersWithTheSameUpstreamIdAreBothStoredUnderIdsOfTheGatewaysOwn() {
        String upstreamId = "resp_" + (100000 + (int) (Math.random() * 899999));
        UPSTREAM.enqueue(OLLAMA_RESPONSES, openAiJson("text.json", upstreamId));
        UPSTREAM.enqueue(OLLAMA_RESPONSES, openAiSse("text.sse", upstreamId));

        Response first = openAi().responses().create(ResponseCreateParams.builder().model("ollama/llama3").input("Hi.").build());
        List<ResponseStreamEvent> events = events(openAi(), ResponseCreateParams.builder().model("ollama/llama3")
                .input("Hi again.").build());

        assertThat(first.id()).matches("resp_[0-9a-f]{32}").isNotEqualTo(upstreamId);
        String streamed = events.get(0).asCreated().response().id();
        assertThat(streamed).matches("resp_[0-9a-f]{32}").isNotEqualTo(first.id());
        events.stream().filter(e -> e.isCreated() || e.isInProgress() || e.isCompleted()).forEach(e -> assertThat(
                e.isCreated() ? e.asCreated().response().id() : e.isInProgress() ? e.asInProgress().response().id()
                        : e.asCompleted().response().id()).isEqualTo(streamed));
        assertThat(events).anyMatch(ResponseStreamEvent::isCompleted);
        assertThat(openAi().responses().retrieve(first.id()).id()).isEqualTo(first.id());
        assertThat(openAi().responses().retrieve(streamed).id()).isEqualTo(streamed);
        assertThat(storedRows(upstreamId)).isZero();
    }
}
