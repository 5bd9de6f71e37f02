package dev.camelgateway.e2e;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelgateway.api.Json;
import dev.camelgateway.support.FakeUpstream.Received;
import dev.camelgateway.support.FakeUpstream.Reply;
import dev.camelgateway.support.Fixtures;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * /v1/messages to a vertex deployment: passed through to a Claude model (rawPredict / streamRawPredict, the client's
 * body without model and with Vertex's anthropic_version), translated through Chat Completions for a Gemini model.
 */
class VertexMessagesEndToEndTest extends MessagesTestSupport {
    private static final String CLAUDE = VERTEX_PREFIX + "anthropic/models/claude-sonnet-4-5@20250929";
    private static final String BETAS = "prompt-caching-2024-07-31," + DROPPED_BETA;

    @Test
    void aClaudeMessageIsPassedThroughToRawPredictAndComesBackByteForByte() throws Exception {
        String answer = Fixtures.read("anthropic", "chat-basic", "upstream-response.json");
        UPSTREAM.enqueue(CLAUDE + ":rawPredict", Reply.json(200, answer));
        String request = "{\"model\":\"vertex/claude-sonnet-4-5@20250929\",\"max_tokens\":200,\"messages\":[{\"role\":"
                + "\"user\",\"content\":\"Tell me about Paris.\"}],\"future_field\":{\"kept\":true}}";

        HttpResponse<String> response = messages(request, Map.of("anthropic-version", "2023-06-01", "anthropic-beta", BETAS));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(answer);
        Received sent = UPSTREAM.lastRequest();
        assertThat(sent.uri()).isEqualTo(CLAUDE + ":rawPredict");
        assertThat(sent.headers()).containsEntry("anthropic-beta", "prompt-caching-2024-07-31")
                .doesNotContainKeys("anthropic-version", "x-api-key")
                .hasEntrySatisfying("authorization", v -> assertThat(v).startsWith("Bearer ya29."));
        ObjectNode expected = (ObjectNode) Json.parse(request);
        expected.remove("model");
        expected.put("anthropic_version", "vertex-2023-10-16");
        assertThat(Json.parse(sent.body())).isEqualTo(expected);
    }

    @Test
    void aClaudeStreamGoesToStreamRawPredictAndItsEventsReachTheClient() throws Exception {
        UPSTREAM.enqueue(CLAUDE + ":streamRawPredict",
                Reply.sse(List.of()).withRawSse(Fixtures.read("anthropic", "chat-basic", "upstream-response.sse")));

        HttpResponse<String> response = messages("{\"model\":\"vertex/claude-sonnet-4-5@20250929\",\"max_tokens\":200,"
                + "\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}", Map.of());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("event: message_start").contains("event: message_stop").contains("Bonjour");
        assertThat(UPSTREAM.lastRequest().uri()).isEqualTo(CLAUDE + ":streamRawPredict");
        assertThat(Json.parse(UPSTREAM.lastRequest().body()).path("stream").asBoolean()).isTrue();
    }

    @Test
    void aGeminiModelIsServedThroughTheTranslation() throws Exception {
        String gemini = VERTEX_PREFIX + "google/models/gemini-2.5-flash:generateContent";
        UPSTREAM.enqueue(gemini, Reply.json(200, Fixtures.read("gemini", "chat-basic", "upstream-response.json")));

        HttpResponse<String> response = messages("{\"model\":\"vertex/gemini-2.5-flash\",\"max_tokens\":200,"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}", Map.of());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Json.parse(response.body()).path("type").asText()).isEqualTo("message");
        assertThat(UPSTREAM.lastRequest().uri()).isEqualTo(gemini);
        assertThat(Json.parse(UPSTREAM.lastRequest().body()).path("contents").get(0).path("role").asText()).isEqualTo("user");
    }
}
