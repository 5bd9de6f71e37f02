package dev.camelgateway.api.responses;

import com.fasterxml.jackson.databind.JsonNode;
import com.openai.models.responses.Response;
import com.openai.models.responses.ResponseCreateParams;
import dev.camelgateway.support.FakeUpstream.Reply;
import dev.camelgateway.support.Fixtures;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * previous_response_id across deployments: only the deployment that keeps the previous response (an OpenAI passthrough
 * with store) gets the id; every other gets the stored conversation in {@code input} (or, translated, as messages), and
 * a chained call goes to the deployment that issued the previous response when its model's chain has it.
 */
class ResponsesChainsTest extends ResponsesTestSupport {
    private static final String OLLAMA_RESPONSES = "/ollama/v1/responses";

    @Test
    void aResponseKeptByOpenAiContinuesOnAnthropicWithTheWholeConversation() {
        String first = newId();
        UPSTREAM.enqueue(OPENAI_RESPONSES, openAiJson("text.json", first));
        UPSTREAM.enqueue(ANTHROPIC_PATH, Reply.json(200, Fixtures.read("anthropic", "chat-basic", "upstream-response.json")));
        openAi().responses().create(ResponseCreateParams.builder().model("openai/gpt-4.1").input("A unicorn story?").build());

        openAi().responses().create(ResponseCreateParams.builder().model("anthropic/claude-sonnet-4-5")
                .previousResponseId(first).input("Now in French.").build());

        JsonNode messages = json(UPSTREAM.lastRequest().body()).get("messages");
        assertThat(messages).extracting(m -> m.get("role").asText()).containsExactly("user", "assistant", "user");
        assertThat(messages.get(1).get("content").get(0).get("text").asText()).startsWith("In a peaceful grove");
        assertThat(messages.get(2).get("content").get(0).get("text").asText()).isEqualTo("Now in French.");
    }

    @Test
    void aTranslatedResponseContinuesOnOpenAiAsInputItemsWithoutTheId() {
        UPSTREAM.enqueue(ANTHROPIC_PATH, Reply.json(200, Fixtures.read("anthropic", "chat-basic", "upstream-response.json")));
        UPSTREAM.enqueue(OPENAI_RESPONSES, openAiJson("text.json", newId()));
        Response first = openAi().responses().create(ResponseCreateParams.builder().model("anthropic/claude-sonnet-4-5")
                .input("Describe Paris.").build());

        openAi().responses().create(ResponseCreateParams.builder().model("openai/gpt-4.1").previousResponseId(first.id())
                .input("Shorter.").build());

        JsonNode sent = json(UPSTREAM.lastRequest().body());
        assertThat(sent.has("previous_response_id")).as("OpenAI never saw that id").isFalse();
        JsonNode input = sent.get("input");
        assertThat(input).hasSize(3);
        assertThat(input.get(0).get("content").get(0).get("text").asText()).isEqualTo("Describe Paris.");
        assertThat(input.get(1).get("role").asText()).isEqualTo("assistant");
        assertThat(input.get(1).has("id")).as("ids the upstream never issued are left out").isFalse();
        assertThat(input.get(1).get("content").get(0).get("text").asText()).startsWith("Bonjour!");
        assertThat(input.get(2).get("content").get(0).get("text").asText()).isEqualTo("Shorter.");
    }

    @Test
    void aStatelessDeploymentGetsTheConversationEvenForItsOwnResponses() {
        UPSTREAM.enqueue(OLLAMA_RESPONSES, openAiJson("text.json", newId()));
        UPSTREAM.enqueue(OLLAMA_RESPONSES, openAiJson("text.json", newId()));
        Response first = openAi().responses().create(ResponseCreateParams.builder().model("ollama/llama3").input("Hi.").build());

        openAi().responses().create(ResponseCreateParams.builder().model("ollama/llama3").previousResponseId(first.id())
                .input("Again.").build());

        JsonNode sent = json(UPSTREAM.lastRequest().body());
        assertThat(sent.has("previous_response_id")).isFalse();
        assertThat(sent.get("input")).hasSize(3);
    }

    @Test
    void aChainedCallGoesToTheDeploymentThatIssuedThePreviousResponseWhenItsModelHasIt() {
        UPSTREAM.enqueue(ANTHROPIC_PATH, Reply.json(200, Fixtures.read("anthropic", "chat-basic", "upstream-response.json")));
        UPSTREAM.enqueue(ANTHROPIC_PATH, Reply.json(200, Fixtures.read("anthropic", "chat-basic", "upstream-response.json")));
        Response first = openAi().responses().create(ResponseCreateParams.builder().model("anthropic/claude-sonnet-4-5")
                .input("Hi.").build());

        // "resilient": ollama first, anthropic as its fallback (GatewayTestSupport)
        openAi().responses().create(ResponseCreateParams.builder().model("resilient").previousResponseId(first.id())
                .input("Go on.").build());

        assertThat(UPSTREAM.received()).extracting(r -> r.uri()).containsExactly(ANTHROPIC_PATH, ANTHROPIC_PATH);
    }
}
