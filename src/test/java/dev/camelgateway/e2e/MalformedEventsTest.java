package dev.camelgateway.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.camelgateway.support.Completions;
import dev.camelgateway.support.FakeUpstream.Reply;
import dev.camelgateway.support.Fixtures;
import dev.camelgateway.support.GatewayTestSupport;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A stream event that is not valid JSON in the middle of an otherwise complete stream: skipped by default (the client
 * gets the whole answer and {@code [DONE]}; the row and {@code gateway.stream.malformed_events} count it), the end of
 * the stream with {@code upstream_protocol_error} on a deployment that says {@code malformed-events: fail} ("west").
 */
class MalformedEventsTest extends GatewayTestSupport {
    private static final String CHAT = "{\"model\":\"%s\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

    @Autowired
    MeterRegistry meters;

    @Test
    void anOpenAiStreamGoesOnPastAMalformedEventAndTheRowCountsIt() throws Exception {
        double before = malformedCount("openai");
        UPSTREAM.enqueue(OPENAI_PATH, Reply.sse(withGarbage(Fixtures.ssePayloads("openai", "chat-basic", "upstream-response.sse"))));
        Completions.Streamed streamed = Completions.stream(openAi(), ChatCompletionCreateParams.builder()
                .model("openai/gpt-4o-mini").addUserMessage("hi").build());
        assertThat(streamed.rebuilt().choices().get(0).message().content()).hasValue("Hello there! How can I help?");

        UPSTREAM.enqueue(OPENAI_PATH, Reply.sse(withGarbage(Fixtures.ssePayloads("openai", "chat-basic", "upstream-response.sse"))));
        HttpResponse<String> response = post("/v1/chat/completions", "application/json", CHAT.formatted("openai/gpt-4o-mini"));
        assertThat(response.body()).endsWith("data: [DONE]\n\n").doesNotContain("\"error\"").doesNotContain("not json");
        JsonNode row = rows(response, 1).get(0);
        assertThat(row.get("status").asText()).isEqualTo("COMPLETE");
        assertThat(row.get("malformed_events").asInt()).isEqualTo(2);
        assertThat(row.get("completion_tokens").asLong()).isEqualTo(8); // the provider's usage, after the garbage
        assertThat(malformedCount("openai")).isEqualTo(before + 4);
    }

    @Test
    void aTranslatedAnthropicStreamGoesOnPastAMalformedEvent() {
        String sse = Fixtures.read("anthropic", "chat-basic", "upstream-response.sse");
        int cut = sse.indexOf("event: content_block_delta");
        UPSTREAM.enqueue(ANTHROPIC_PATH, Reply.sse(List.of()).withRawSse(
                sse.substring(0, cut) + "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"ind\n\n" + sse.substring(cut)));

        HttpResponse<String> response = post("/v1/chat/completions", "application/json", CHAT.formatted("anthropic/claude-sonnet-4-5"));

        assertThat(response.body()).contains("Bonjour!").contains(" Paris").endsWith("data: [DONE]\n\n").doesNotContain("\"error\"");
    }

    @Test
    void aStrictDeploymentEndsTheStreamWithTheProtocolError() {
        UPSTREAM.enqueue("/west/v1/chat/completions", Reply.sse(withGarbage(Fixtures.ssePayloads("openai", "chat-basic", "upstream-response.sse"))));

        HttpResponse<String> response = post("/v1/chat/completions", "application/json", CHAT.formatted("west/gpt-4o"));

        assertThat(response.body()).contains("Hello").contains("\"code\":\"upstream_protocol_error\"")
                .doesNotContain("How can I help").doesNotContain("data: [DONE]");
    }

    /** The payloads with two malformed events after the first text delta. */
    private static List<String> withGarbage(List<String> payloads) {
        List<String> out = new ArrayList<>(payloads);
        out.add(2, "{not json");
        out.add(3, "[1, 2");
        return out;
    }

    private double malformedCount(String provider) {
        Counter counter = meters.find("gateway.stream.malformed_events").tag("provider", provider).counter();
        return counter == null ? 0 : counter.count();
    }
}
