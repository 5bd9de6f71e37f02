package dev.camelgateway.api.responses;

import dev.camelgateway.support.FakeUpstream.Reply;
import dev.camelgateway.support.Fixtures;
import dev.camelgateway.support.RawStream;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a Responses stream's client is told when it breaks after its first byte, on both paths (a passthrough OpenAI
 * deployment, a translated Anthropic one): {@code response.failed} (the upstream's own, or the gateway's), never
 * {@code response.completed}; and what the ledger keeps of every attempt ({@code api = responses}).
 */
class ResponsesStreamFailuresTest extends ResponsesTestSupport {

    @Test
    void aPassthroughStreamCutAfterTheFirstByteEndsWithResponseFailedAndNoCompletion() throws Exception {
        String id = newId();
        String whole = UpstreamResponses.text("text.sse", id);
        String firstFive = String.join("", Arrays.asList(whole.split("(?<=\n\n)")).subList(0, 5));
        UPSTREAM.enqueue(OPENAI_RESPONSES, new Reply(200, Map.of("Content-Type", "text/event-stream"), List.of(), Map.of())
                .withRawSse(firstFive).thenCut());
        String clientId = "cut-" + UUID.randomUUID();

        String seen = stream("{\"model\":\"openai/gpt-4.1\",\"stream\":true,\"input\":\"hi\"}", clientId);

        assertThat(seen).contains("event: response.output_text.delta").contains("event: response.failed")
                .doesNotContain("response.completed");
        String failed = lastData(seen);
        assertThat(json(failed).get("response").get("id").asText()).as("the response the upstream announced").isEqualTo(id);
        assertThat(json(failed).get("response").get("status").asText()).isEqualTo("failed");
        assertThat(json(failed).get("sequence_number").asInt()).as("after the upstream's last").isEqualTo(5);
        assertThat(storedRows(id)).isZero();
        Map<String, Object> row = ledgerRows(clientId, 1).get(0);
        assertThat(row.get("api")).isEqualTo("responses");
        assertThat(row.get("status")).isEqualTo("PARTIAL");
    }

    @Test
    void anUpstreamsResponseFailedEventReachesTheClientAsItSentIt() throws Exception {
        String id = newId();
        UPSTREAM.enqueue(OPENAI_RESPONSES, openAiSse("failed-mid-stream.sse", id));
        String clientId = "failed-" + UUID.randomUUID();

        String seen = stream("{\"model\":\"openai/gpt-4.1\",\"stream\":true,\"input\":\"hi\"}", clientId);

        assertThat(seen).doesNotContain("response.completed");
        String upstreamsOwn = Fixtures.read("responses-upstream", "openai", "failed-mid-stream.sse").replace("{{id}}", id)
                .replace("{{model}}", "gpt-4.1-2025-04-14").split("\n\n")[3];
        assertThat(seen).contains(upstreamsOwn.replace("\n", "\r\n").split("\r\n")[1]); // its data line, as sent
        assertThat(storedRows(id)).isZero();
        Map<String, Object> row = ledgerRows(clientId, 1).get(0);
        assertThat(row.get("status")).isEqualTo("PARTIAL");
        assertThat(row.get("prompt_tokens")).as("the usage response.failed reported").isEqualTo(12L);
    }

    @Test
    void anInBandErrorBeforeTheFirstByteIsAnHttpErrorWithTheStatusItsCodeImpliesInOpenAisEnvelope() {
        String error = "{\"type\":\"error\",\"sequence_number\":0,\"code\":\"rate_limit_exceeded\","
                + "\"message\":\"Rate limit reached for gpt-4.1.\",\"param\":null}";
        for (int attempt = 0; attempt < 3; attempt++) { // retried as a rate limit: the deployment's three attempts
            UPSTREAM.enqueue(OPENAI_RESPONSES, UpstreamResponses.sseOf("event: error\ndata: " + error + "\n\n"));
        }

        var response = post("/v1/responses", "application/json",
                "{\"model\":\"openai/gpt-4.1\",\"stream\":true,\"input\":\"hi\"}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(429);
        assertThat(UPSTREAM.received()).as("retried as a rate limit is").hasSize(3);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        var body = json(response.body());
        assertThat(body.has("type")).as("not the raw event").isFalse();
        assertThat(body.get("error").get("code").asText()).isEqualTo("rate_limit_exceeded");
        assertThat(body.get("error").get("type").asText()).isEqualTo("rate_limit_error");
        assertThat(body.get("error").get("message").asText()).isEqualTo("Rate limit reached for gpt-4.1.");

        String failed = "{\"type\":\"response.failed\",\"sequence_number\":0,\"response\":{\"id\":\"" + newId()
                + "\",\"object\":\"response\",\"status\":\"failed\",\"error\":{\"code\":\"server_error\","
                + "\"message\":\"The model failed to generate a response.\"},\"output\":[]}}";
        for (int attempt = 0; attempt < 3; attempt++) {
            UPSTREAM.enqueue(OPENAI_RESPONSES, UpstreamResponses.sseOf("event: response.failed\ndata: " + failed + "\n\n"));
        }
        var serverError = post("/v1/responses", "application/json",
                "{\"model\":\"openai/gpt-4.1\",\"stream\":true,\"input\":\"hi\"}");
        assertThat(serverError.statusCode()).isEqualTo(500);
        assertThat(json(serverError.body()).get("error").get("code").asText()).isEqualTo("server_error");
        assertThat(json(serverError.body()).get("error").get("type").asText()).isEqualTo("server_error");
    }

    @Test
    void anInBandErrorAfterTheFirstByteReachesTheClientAsTheUpstreamSentItWithoutACompletion() throws Exception {
        String id = newId();
        String whole = UpstreamResponses.text("text.sse", id);
        String firstTwo = String.join("", Arrays.asList(whole.split("(?<=\n\n)")).subList(0, 2));
        String error = "{\"type\":\"error\",\"sequence_number\":2,\"code\":\"server_error\","
                + "\"message\":\"Something went wrong.\",\"param\":null}";
        UPSTREAM.enqueue(OPENAI_RESPONSES, UpstreamResponses.sseOf(firstTwo + "event: error\ndata: " + error + "\n\n"));

        String seen = stream("{\"model\":\"openai/gpt-4.1\",\"stream\":true,\"input\":\"hi\"}", "inband-" + UUID.randomUUID());

        assertThat(seen).contains("event: response.created").contains("event: error").doesNotContain("response.completed");
        assertThat(lastData(seen)).isEqualTo(error);
        assertThat(storedRows(id)).isZero();
    }

    @Test
    void aTranslatedStreamCutAfterTheFirstByteEndsWithResponseFailedAndNoCompletion() throws Exception {
        List<String> events = Arrays.asList(Fixtures.read("anthropic", "chat-basic", "upstream-response.sse").split("(?<=\n\n)"));
        UPSTREAM.enqueue(ANTHROPIC_PATH, new Reply(200, Map.of("Content-Type", "text/event-stream"), List.of(), Map.of())
                .withRawSse(String.join("", events.subList(0, 4))).thenCut());
        String clientId = "tcut-" + UUID.randomUUID();

        String seen = stream("{\"model\":\"anthropic/claude-sonnet-4-5\",\"stream\":true,\"input\":\"hi\"}", clientId);

        assertThat(seen).contains("event: response.created").contains("event: response.output_text.delta")
                .contains("event: response.failed").doesNotContain("response.completed");
        var failed = json(lastData(seen));
        assertThat(failed.get("response").get("status").asText()).isEqualTo("failed");
        assertThat(failed.get("response").get("error").get("code").asText()).isEqualTo("stream_interrupted");
        assertThat(storedRows(failed.get("response").get("id").asText())).isZero();
        assertThat(ledgerRows(clientId, 1).get(0).get("status")).isEqualTo("PARTIAL");
    }

    @Test
    void aCompleteStreamsRowsSayResponsesWithTheUsageResponseCompletedReported() throws Exception {
        String id = newId();
        UPSTREAM.enqueue(OPENAI_RESPONSES, openAiSse("text.sse", id));
        String clientId = "ok-" + UUID.randomUUID();

        String seen = stream("{\"model\":\"openai/gpt-4.1\",\"stream\":true,\"input\":\"hi\"}", clientId);

        assertThat(seen).contains("event: response.completed").doesNotContain("[DONE]");
        Map<String, Object> row = ledgerRows(clientId, 1).get(0);
        assertThat(row).containsEntry("api", "responses").containsEntry("status", "COMPLETE")
                .containsEntry("prompt_tokens", 37L).containsEntry("completion_tokens", 11L)
                .containsEntry("usage_source", "PROVIDER").containsEntry("key_id", "test");
    }

    /** Storing fails after the model answered (here: an upstream that gave an id twice): the row still has its tokens. */
    @Test
    void aWholeAnswerThatCannotBeStoredKeepsItsUsageInTheLedger() throws Exception {
        String id = newId();
        UPSTREAM.enqueue(OPENAI_RESPONSES, openAiJson("text.json", id));
        UPSTREAM.enqueue(OPENAI_RESPONSES, openAiJson("text.json", id));
        String body = "{\"model\":\"openai/gpt-4.1\",\"input\":\"hi\"}";
        assertThat(whole(body, "stored-" + UUID.randomUUID()).statusCode()).isEqualTo(200);
        String clientId = "not-stored-" + UUID.randomUUID();

        HttpResponse<String> refused = whole(body, clientId);

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(500);
        assertThat(json(refused.body()).get("error").get("code").asText()).isEqualTo("response_not_stored");
        Map<String, Object> row = ledgerRows(clientId, 1).get(0);
        assertThat(row).containsEntry("prompt_tokens", 36L).containsEntry("completion_tokens", 87L)
                .containsEntry("usage_source", "PROVIDER");
    }

    private static HttpResponse<String> whole(String body, String clientId) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT + "/v1/responses"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + GATEWAY_KEY)
                .header("x-request-id", clientId).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String stream(String body, String clientId) throws Exception {
        try (RawStream stream = RawStream.post(PORT, "/v1/responses", body, 0, 20_000, clientId)) {
            return stream.readToEnd();
        }
    }

    /** The data of the last event the client got. */
    private static String lastData(String seen) {
        String[] lines = seen.split("\r?\n");
        for (int i = lines.length - 1; i >= 0; i--) {
            if (lines[i].startsWith("data: ")) {
                return lines[i].substring(6);
            }
        }
        throw new AssertionError("no event in " + seen);
    }
}
