package dev.camelgateway.api.responses;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelgateway.api.Json;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A chained call whose stored conversation is longer than the gateway reads (8 MB of items): refused with a 400 naming
 * previous_response_id where the conversation must be sent, never cut; not read at all where the deployment keeps the
 * previous response itself.
 */
class ResponsesLongConversationsTest extends ResponsesTestSupport {
    @Autowired
    StoredResponses store;

    @Test
    void aConversationPastTheBudgetIs400ForADeploymentThatNeedsItAndNotReadForOneThatKeepsIt() {
        String last = storedChain(9, 1024 * 1024);

        HttpResponse<String> translated = post("/v1/responses", "application/json",
                "{\"model\":\"anthropic/claude-sonnet-4-5\",\"previous_response_id\":\"" + last + "\",\"input\":\"More.\"}");
        assertThat(translated.statusCode()).isEqualTo(400);
        JsonNode error = json(translated.body()).get("error");
        assertThat(error.get("param").asText()).isEqualTo("previous_response_id");
        assertThat(error.get("code").asText()).isEqualTo("context_length_exceeded");
        assertThat(error.get("message").asText()).contains("too long").contains(last);

        UPSTREAM.enqueue(OPENAI_RESPONSES, openAiJson("text.json", newId()));
        HttpResponse<String> held = post("/v1/responses", "application/json",
                "{\"model\":\"openai/gpt-4.1\",\"previous_response_id\":\"" + last + "\",\"input\":\"More.\"}");
        assertThat(held.statusCode()).as(held.body()).isEqualTo(200);
        JsonNode sent = json(UPSTREAM.lastRequest().body());
        assertThat(sent.get("previous_response_id").asText()).isEqualTo(last);
        assertThat(sent.get("input").asText()).isEqualTo("More.");
    }

    /** Responses of the test key made by the OpenAI deployment, which keeps them; the newest's id. */
    private String storedChain(int responses, int charsEach) {
        Instant now = Instant.now();
        String previous = null;
        String text = "x".repeat(charsEach);
        for (int i = 0; i < responses; i++) {
            String id = newId();
            ObjectNode response = Json.object().put("id", id).put("object", "response").put("status", "completed");
            ArrayNode output = response.putArray("output");
            output.addObject().put("id", "msg_" + i).put("type", "message").put("role", "assistant")
                    .putArray("content").addObject().put("type", "output_text").put("text", text);
            response.putObject("usage").put("input_tokens", 10).put("output_tokens", 10);
            ArrayNode input = ResponsesItems.withIds(ResponsesItems.of(Json.MAPPER.getNodeFactory().textNode("hi " + i)));
            store.save(new StoredResponse(id, "test", "openai", true, previous, "openai/gpt-4.1", input, output,
                    response, now, now.plus(Duration.ofHours(1))));
            previous = id;
        }
        return previous;
    }
}
