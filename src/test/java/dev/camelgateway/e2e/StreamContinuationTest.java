package dev.camelgateway.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.camelgateway.api.Json;
import dev.camelgateway.support.Completions;
import dev.camelgateway.support.FakeUpstream.Received;
import dev.camelgateway.support.FakeUpstream.Reply;
import dev.camelgateway.support.GatewayTestSupport;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Aliases with {@code on-stream-failure: continue} (GatewayTestSupport): a 60-word answer whose stream from {@code east}
 * is cut after 40 words reaches the client exactly once, in one stream with one id and one {@code [DONE]} — through a
 * prefilling fallback (Mistral, {@code prefix: true}), a regenerating one (an OpenAI server, its answer checked against
 * the 40 words sent), one that refuses the prefill (Anthropic's 400, then regenerated), and on the same deployment. A
 * regenerated answer that differs from what the client has, and a cut inside a tool call, end with the break's error
 * event instead.
 */
class StreamContinuationTest extends GatewayTestSupport {
    static final String EAST_PATH = "/east/v1/chat/completions";
    static final String WEST_PATH = "/west/v1/chat/completions";
    /** The whole answer: "w1 w2 … w60", streamed one word a chunk ("w1 ", "w2 ", …, "w60"). */
    static final List<String> PIECES = IntStream.rangeClosed(1, 60).mapToObj(i -> i < 60 ? "w" + i + " " : "w60").toList();
    static final String ANSWER = String.join("", PIECES);
    private static final String FIRST_40 = String.join("", PIECES.subList(0, 40));

    @Autowired
    MeterRegistry meters;
    @Autowired
    dev.camelgateway.resilience.ProviderInfrastructure infrastructure;

    @Test
    void aCutStreamIsContinuedThroughAPrefillingFallback() throws Exception {
        double before = continuations("completed");
        UPSTREAM.enqueue(EAST_PATH, Reply.sse(openAiStream("chatcmpl-east", PIECES.subList(0, 40), false)).thenCut());
        // Mistral continues "w1 … w40" (the prefill has no trailing space): " w41", " w42", …
        List<String> rest = IntStream.rangeClosed(41, 60).mapToObj(i -> " w" + i).toList();
        UPSTREAM.enqueue(MISTRAL_PATH, Reply.sse(openAiStream("b5899875d2a44c1a", rest, true)));

        HttpResponse<String> response = post("/v1/chat/completions", "application/json", request("continued-prefill"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertOneStreamOf(response.body(), "chatcmpl-east");
        JsonNode mistral = Json.parse(UPSTREAM.received().get(1).body());
        assertThat(UPSTREAM.received().get(1).uri()).isEqualTo(MISTRAL_PATH);
        JsonNode prefill = mistral.get("messages").get(1);
        assertThat(prefill.get("role").asText()).isEqualTo("assistant");
        assertThat(prefill.get("content").asText()).isEqualTo(FIRST_40.stripTrailing());
        assertThat(prefill.get("prefix").asBoolean()).isTrue();
        assertThat(mistral.get("messages")).hasSize(2);
        List<JsonNode> rows = rows(response, 2);
        assertThat(rows).extracting(row -> row.get("provider").asText() + ":" + row.get("status").asText())
                .containsExactly("east:PARTIAL", "mistral:COMPLETE");
        assertThat(rows.get(1).get("completion_tokens").asLong()).isEqualTo(20); // the continuation's own usage, once
        assertThat(continuations("completed")).isEqualTo(before + 1);
    }

    @Test
    void aPrefillingFallbackThatRepeatsThePrefillIsSplicedWithoutTheRepetition() throws Exception {
        UPSTREAM.enqueue(EAST_PATH, Reply.sse(openAiStream("chatcmpl-east", PIECES.subList(0, 40), false)).thenCut());
        // the answer begins with the prefill itself ("w1 … w40"), then " w41" …
        List<String> echoed = new ArrayList<>(List.of(FIRST_40.stripTrailing()));
        IntStream.rangeClosed(41, 60).forEach(i -> echoed.add(" w" + i));
        UPSTREAM.enqueue(MISTRAL_PATH, Reply.sse(openAiStream("b5899875d2a44c1a", echoed, true)));

        HttpResponse<String> response = post("/v1/chat/completions", "application/json", request("continued-prefill"));

        assertOneStreamOf(response.body(), "chatcmpl-east");
    }

    @Test
    void aContinuationThatCannotEvenBeSentEndsWithTheBreaksError() {
        // Anthropic's mapper refuses seed (400 unsupported_parameter) before any call; the west breaker is open
        UPSTREAM.enqueue(EAST_PATH, Reply.sse(openAiStream("chatcmpl-east", PIECES.subList(0, 40), false)).thenCut());
        HttpResponse<String> refused = post("/v1/chat/completions", "application/json",
                request("continued-refused").replace("\"stream\":true", "\"stream\":true,\"seed\":7"));
        assertThat(text(refused.body())).isEqualTo(FIRST_40);
        assertThat(refused.body()).contains("\"code\":\"stream_interrupted\"").doesNotContain("unsupported_parameter");

        UPSTREAM.enqueue(EAST_PATH, Reply.sse(openAiStream("chatcmpl-east", PIECES.subList(0, 40), false)).thenCut());
        infrastructure.breakers().circuitBreaker("west").transitionToOpenState();
        HttpResponse<String> open = post("/v1/chat/completions", "application/json", request("continued-regenerated"));
        assertThat(open.body()).contains("\"code\":\"stream_interrupted\"").doesNotContain("circuit_open");
        assertThat(UPSTREAM.received()).extracting(Received::uri).containsExactly(EAST_PATH, EAST_PATH);
    }

    @Test
    void theClientHearsPingsWhileARegenerationIsHeldBack() {
        UPSTREAM.enqueue(EAST_PATH, Reply.sse(openAiStream("chatcmpl-east", PIECES.subList(0, 40), false)).thenCut());
        UPSTREAM.enqueue(WEST_PATH, Reply.sse(openAiStream("chatcmpl-west", PIECES, true)).paced(80));

        String body = post("/v1/chat/completions", "application/json", request("continued-regenerated")).body();

        int ping = body.indexOf(": ping");
        assertThat(ping).as("a ping after the 40 words the client has, before the 41st").isGreaterThan(body.indexOf("w40 "))
                .isLessThan(body.indexOf("\"w41 \""));
        assertThat(text(body)).isEqualTo(ANSWER);
    }

    @Test
    void aMistralRequestThatEndsWithTheClientsAssistantMessageIsSentAsTheClientWroteIt() throws Exception {
        UPSTREAM.enqueue(MISTRAL_PATH, Reply.sse(openAiStream("b5899875d2a44c1a", List.of("done"), true)));
        post("/v1/chat/completions", "application/json", "{\"model\":\"mistral/mistral-large-latest\",\"stream\":true,"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"},{\"role\":\"assistant\",\"content\":\"Hel\"}]}");

        assertThat(Json.parse(UPSTREAM.lastRequest().body()).get("messages").get(1).has("prefix")).isFalse();
    }

    @Test
    void aFallbackWithoutPrefillRegeneratesAndOnlyWhatFollowsTheSentTextIsStreamed() throws Exception {
        UPSTREAM.enqueue(EAST_PATH, Reply.sse(openAiStream("chatcmpl-east", PIECES.subList(0, 40), false)).thenCut());
        UPSTREAM.enqueue(WEST_PATH, Reply.sse(openAiStream("chatcmpl-west", PIECES, true)));

        HttpResponse<String> response = post("/v1/chat/completions", "application/json", request("continued-regenerated"));

        assertOneStreamOf(response.body(), "chatcmpl-east");
        assertThat(Json.parse(UPSTREAM.received().get(1).body()).get("messages"))
                .isEqualTo(Json.parse(request("continued-regenerated")).get("messages")); // asked as the client asked
        assertThat(rows(response, 2)).extracting(row -> row.get("status").asText()).containsExactly("PARTIAL", "COMPLETE");
    }

    @Test
    void theOfficialSdkReadsOneAnswerAcrossTheSplice() {
        UPSTREAM.enqueue(EAST_PATH, Reply.sse(openAiStream("chatcmpl-east", PIECES.subList(0, 40), false)).thenCut());
        UPSTREAM.enqueue(WEST_PATH, Reply.sse(openAiStream("chatcmpl-west", PIECES, true)));

        Completions.Streamed streamed = Completions.stream(openAi(), ChatCompletionCreateParams.builder()
                .model("continued-regenerated").addUserMessage("Count to sixty.").build());

        assertThat(streamed.rebuilt().choices().get(0).message().content()).hasValue(ANSWER);
        assertThat(streamed.rebuilt().id()).isEqualTo("chatcmpl-east");
        assertThat(streamed.rebuilt().choices().get(0).finishReason().asString()).isEqualTo("stop");
    }

    @Test
    void aRegeneratedAnswerThatDivergesEndsWithTheBreaksErrorEvent() {
        double before = continuations("diverged");
        UPSTREAM.enqueue(EAST_PATH, Reply.sse(openAiStream("chatcmpl-east", PIECES.subList(0, 40), false)).thenCut());
        List<String> other = new ArrayList<>(PIECES);
        other.set(29, "x30 "); // the 30th word differs from what the client has
        UPSTREAM.enqueue(WEST_PATH, Reply.sse(openAiStream("chatcmpl-west", other, true)));

        HttpResponse<String> response = post("/v1/chat/completions", "application/json", request("continued-regenerated"));

        String body = response.body();
        assertThat(text(body)).isEqualTo(FIRST_40);
        assertThat(body).contains("\"code\":\"stream_interrupted\"").doesNotContain("x30").doesNotContain("w41")
                .doesNotContain("continuation_diverged").doesNotContain("data: [DONE]");
        assertThat(continuations("diverged")).isEqualTo(before + 1);
    }

    @Test
    void aRefusedPrefillIsRegeneratedOnTheSameDeploymentAndNeverShownAsTheError() throws Exception {
        UPSTREAM.enqueue(EAST_PATH, Reply.sse(openAiStream("chatcmpl-east", PIECES.subList(0, 40), false)).thenCut());
        UPSTREAM.enqueue(ANTHROPIC_PATH, Reply.json(400, "{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\","
                + "\"message\":\"This model does not support assistant message prefill. The conversation must end with a user message.\"}}"));
        UPSTREAM.enqueue(ANTHROPIC_PATH, Reply.sse(List.of()).withRawSse(anthropic(PIECES)));

        HttpResponse<String> response = post("/v1/chat/completions", "application/json", request("continued-refused"));

        assertOneStreamOf(response.body(), "chatcmpl-east");
        List<Received> received = UPSTREAM.received();
        assertThat(received).extracting(Received::uri).containsExactly(EAST_PATH, ANTHROPIC_PATH, ANTHROPIC_PATH);
        JsonNode prefilled = Json.parse(received.get(1).body()).get("messages");
        assertThat(prefilled.get(prefilled.size() - 1).get("role").asText()).isEqualTo("assistant");
        JsonNode regenerated = Json.parse(received.get(2).body()).get("messages");
        assertThat(regenerated).hasSize(1);
        assertThat(rows(response, 3)).extracting(row -> row.get("status").asText())
                .containsExactly("PARTIAL", "FAILED", "COMPLETE");
    }

    @Test
    void whenEveryContinuationFailsTheClientIsToldWhatBrokeTheStreamNotThePrefillRefusal() {
        UPSTREAM.enqueue(EAST_PATH, Reply.sse(openAiStream("chatcmpl-east", PIECES.subList(0, 40), false)).thenCut());
        String refusal = "{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\",\"message\":\"Prefilling "
                + "assistant messages is not supported for this model.\"}}";
        for (int i = 0; i < 3; i++) {
            UPSTREAM.enqueue(ANTHROPIC_PATH, Reply.json(400, refusal));
        }

        HttpResponse<String> response = post("/v1/chat/completions", "application/json", request("continued-refused"));

        assertThat(text(response.body())).isEqualTo(FIRST_40);
        assertThat(response.body()).contains("\"code\":\"stream_interrupted\"").doesNotContain("prefill")
                .doesNotContain("invalid_request_error").doesNotContain("data: [DONE]");
    }

    @Test
    void aStreamIsContinuedOnTheSameDeploymentWhenItsTableRetriesTheBreak() throws Exception {
        UPSTREAM.enqueue(OLLAMA_PATH, Reply.sse(openAiStream("chatcmpl-ollama-1", PIECES.subList(0, 40), false)).thenCut());
        UPSTREAM.enqueue(OLLAMA_PATH, Reply.sse(openAiStream("chatcmpl-ollama-2", PIECES, true)));

        HttpResponse<String> response = post("/v1/chat/completions", "application/json", request("continued-same"));

        assertOneStreamOf(response.body(), "chatcmpl-ollama-1");
        assertThat(UPSTREAM.received()).extracting(Received::uri).containsExactly(OLLAMA_PATH, OLLAMA_PATH);
    }

    @Test
    void aStreamThatStallsAfterItsFirstByteIsContinuedOnTheFallbackAtOnce() throws Exception {
        UPSTREAM.enqueue(OLLAMA_PATH, Reply.sse(openAiStream("chatcmpl-ollama", PIECES.subList(0, 40), false)).thenStall());
        UPSTREAM.enqueue(WEST_PATH, Reply.sse(openAiStream("chatcmpl-west", PIECES, true)));

        HttpResponse<String> response = post("/v1/chat/completions", "application/json", request("continued-same"));

        assertOneStreamOf(response.body(), "chatcmpl-ollama");
        // a stall goes to the fallback (on-failure.stall), not to the same silent deployment again
        assertThat(UPSTREAM.received()).extracting(Received::uri).containsExactly(OLLAMA_PATH, WEST_PATH);
        assertThat(rows(response, 2)).extracting(row -> row.get("error_code").asText(null))
                .containsExactly("stream_stalled", null);
    }

    @Test
    void aCutInsideAToolCallEndsWithTheErrorEventAndNothingIsContinued() {
        double before = continuations("not_continuable");
        String role = chunk("chatcmpl-east", "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"index\":0,\"id\":\"call_1\","
                + "\"type\":\"function\",\"function\":{\"name\":\"get_weather\",\"arguments\":\"\"}}]}", null);
        String args = chunk("chatcmpl-east", "{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"{\\\"city\\\":\\\"Par\"}}]}", null);
        UPSTREAM.enqueue(EAST_PATH, Reply.sse(List.of(role, args)).thenCut());

        HttpResponse<String> response = post("/v1/chat/completions", "application/json", request("continued-prefill"));

        assertThat(response.body()).contains("get_weather").contains("\"code\":\"stream_interrupted\"").doesNotContain("data: [DONE]");
        assertThat(UPSTREAM.received()).extracting(Received::uri).containsExactly(EAST_PATH);
        assertThat(continuations("not_continuable")).isEqualTo(before + 1);
    }

    @Test
    void unfinishedJsonModeOutputIsNotContinued() {
        UPSTREAM.enqueue(EAST_PATH, Reply.sse(openAiStream("chatcmpl-east", List.of("{\"count\": [1, 2,"), false)).thenCut());
        String json = request("continued-regenerated").replace("\"stream\":true", "\"stream\":true,\"response_format\":{\"type\":\"json_object\"}");

        HttpResponse<String> response = post("/v1/chat/completions", "application/json", json);

        assertThat(response.body()).contains("\"code\":\"stream_interrupted\"").doesNotContain("data: [DONE]");
        assertThat(UPSTREAM.received()).extracting(Received::uri).containsExactly(EAST_PATH);
    }

    @Test
    void anAliasThatTerminatesKeepsTheErrorEvent() {
        UPSTREAM.enqueue(EAST_PATH, Reply.sse(openAiStream("chatcmpl-east", PIECES.subList(0, 40), false)).thenCut());

        HttpResponse<String> response = post("/v1/chat/completions", "application/json", request("east/gpt-4o"));

        assertThat(text(response.body())).isEqualTo(FIRST_40);
        assertThat(response.body()).contains("\"code\":\"stream_interrupted\"");
        assertThat(UPSTREAM.received()).hasSize(1);
    }

    /** The client's stream: the whole answer once, every chunk with the first attempt's id, one role, one [DONE] at the end. */
    private static void assertOneStreamOf(String body, String id) throws Exception {
        assertThat(text(body)).isEqualTo(ANSWER);
        assertThat(body).doesNotContain("\"error\"").endsWith("data: [DONE]\n\n");
        assertThat(body.split("data: \\[DONE]", -1)).hasSize(2);
        int roles = 0;
        for (String data : payloads(body)) {
            JsonNode chunk = Json.parse(data);
            assertThat(chunk.get("id").asText()).isEqualTo(id);
            roles += chunk.path("choices").path(0).path("delta").has("role") ? 1 : 0;
        }
        assertThat(roles).isEqualTo(1);
    }

    /** The content of every chunk of a Chat Completions stream, in order. */
    private static String text(String body) {
        StringBuilder text = new StringBuilder();
        for (String data : payloads(body)) {
            JsonNode content = Json.objectOrNull(data) == null ? null
                    : Json.objectOrNull(data).path("choices").path(0).path("delta").path("content");
            if (content != null && content.isTextual()) {
                text.append(content.asText());
            }
        }
        return text.toString();
    }

    private static List<String> payloads(String body) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^data: (\\{.*})$").matcher(body);
        while (m.find()) {
            if (!m.group(1).startsWith("{\"error\"")) {
                out.add(m.group(1));
            }
        }
        return out;
    }

    private static String request(String model) {
        return "{\"model\":\"" + model + "\",\"stream\":true,\"stream_options\":{\"include_usage\":true},"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"Count to sixty.\"}]}";
    }

    /** An OpenAI-shaped stream: the role chunk, one chunk a piece, and (complete) the finish, the usage and [DONE]. */
    static List<String> openAiStream(String id, List<String> pieces, boolean complete) {
        List<String> payloads = new ArrayList<>();
        payloads.add(chunk(id, "{\"role\":\"assistant\",\"content\":\"\"}", null));
        pieces.forEach(piece -> payloads.add(chunk(id, "{\"content\":" + Json.MAPPER.valueToTree(piece).toString() + "}", null)));
        if (complete) {
            payloads.add(chunk(id, "{}", "stop"));
            payloads.add("{\"id\":\"" + id + "\",\"object\":\"chat.completion.chunk\",\"created\":1700000001,\"model\":\"m\","
                    + "\"choices\":[],\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":" + pieces.size()
                    + ",\"total_tokens\":" + (12 + pieces.size()) + "}}");
            payloads.add("[DONE]");
        }
        return payloads;
    }

    private static String chunk(String id, String delta, String finish) {
        return "{\"id\":\"" + id + "\",\"object\":\"chat.completion.chunk\",\"created\":1700000001,\"model\":\"m\","
                + "\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"finish_reason\":" + (finish == null ? "null" : "\"" + finish + "\"") + "}]}";
    }

    /** Anthropic's Messages stream of the pieces. */
    private static String anthropic(List<String> pieces) {
        StringBuilder sse = new StringBuilder("event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\","
                + "\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-sonnet-4-5\",\"content\":[],\"stop_reason\":null,"
                + "\"stop_sequence\":null,\"usage\":{\"input_tokens\":12,\"output_tokens\":1}}}\n\n"
                + "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}\n\n");
        for (String piece : pieces) {
            sse.append("event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":")
                    .append(Json.MAPPER.valueToTree(piece).toString()).append("}}\n\n");
        }
        sse.append("event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":0}\n\n")
                .append("event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\",\"stop_sequence\":null},"
                        + "\"usage\":{\"output_tokens\":").append(pieces.size()).append("}}\n\n")
                .append("event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n");
        return sse.toString();
    }

    private double continuations(String outcome) {
        Counter counter = meters.find("gateway.stream.continuations").tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }
}
