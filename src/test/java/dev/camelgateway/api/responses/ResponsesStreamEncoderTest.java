package dev.camelgateway.api.responses;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelgateway.api.GatewayException;
import dev.camelgateway.api.Json;
import dev.camelgateway.api.OpenAiError;
import dev.camelgateway.stream.SseFrame;
import dev.camelgateway.support.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The stateful encoder on its own: what the event sequence promises a client whatever the chunks were. */
class ResponsesStreamEncoderTest {
    private static final ObjectNode REQUEST = Json.object().put("model", "anthropic/claude-sonnet-4-5").put("input", "hi");
    private final List<ObjectNode> stored = new ArrayList<>();
    private final ResponsesStreamEncoder encoder = new ResponsesStreamEncoder(REQUEST, "resp_1", 1730000000L,
            ItemIds.RANDOM, stored::add);

    @Test
    void everyEventIsNamedByItsTypeAndNumberedInOrder() throws Exception {
        List<SseFrame> frames = new ArrayList<>();
        for (String chunk : Fixtures.ssePayloads("responses", "function-round-trip", "chat-chunks.sse")) {
            frames.addAll(encoder.encode(List.of(chunk)));
        }
        frames.addAll(encoder.end());
        int expected = 0;
        for (SseFrame frame : frames) {
            JsonNode event = Json.parse(frame.data());
            assertThat(event.get("type").asText()).isEqualTo(frame.event());
            assertThat(event.get("sequence_number").asInt()).isEqualTo(expected++);
        }
        assertThat(frames.get(0).event()).isEqualTo("response.created");
        assertThat(frames.get(frames.size() - 1).event()).isEqualTo("response.completed");
    }

    @Test
    void nothingCompletesBeforeTheEndEvenAfterTheFinishReasonAndUsage() {
        List<SseFrame> frames = new ArrayList<>();
        for (String chunk : Fixtures.ssePayloads("responses", "text-basic", "chat-chunks.sse")) {
            frames.addAll(encoder.encode(List.of(chunk)));
        }
        assertThat(frames).extracting(SseFrame::event).doesNotContain("response.completed", "response.incomplete")
                .contains("response.output_item.done");
        assertThat(stored).as("stored only once the stream is complete").isEmpty();
    }

    @Test
    void aFailureAfterTheFirstByteIsResponseFailedWithTheOutputSoFarNeverACompletion() throws Exception {
        encoder.encode(List.of(chunk("{\"content\":\"Hel\"}")));
        List<SseFrame> frames = encoder.error(Json.write(new OpenAiError("The connection to the upstream provider broke.",
                OpenAiError.SERVER_ERROR, null, "stream_interrupted").toEnvelope()));
        assertThat(frames).extracting(SseFrame::event).containsExactly("response.failed");
        JsonNode response = Json.parse(frames.get(0).data()).get("response");
        assertThat(response.get("status").asText()).isEqualTo("failed");
        assertThat(response.get("error").get("code").asText()).isEqualTo("stream_interrupted");
        assertThat(response.get("error").get("message").asText()).contains("broke");
        assertThat(Json.parse(frames.get(0).data()).get("sequence_number").asInt()).isEqualTo(5); // after 0–4
        assertThat(stored).isEmpty();
    }

    @Test
    void aResponseThatCannotBeStoredNeverCompletes() {
        ResponsesStreamEncoder refusing = new ResponsesStreamEncoder(REQUEST, "resp_2", 1L, ItemIds.RANDOM, response -> {
            throw new GatewayException(500, new OpenAiError("not stored", OpenAiError.SERVER_ERROR, null, "response_not_stored"));
        });
        refusing.encode(List.of(chunk("{\"content\":\"Hi\"}")));
        assertThatThrownBy(refusing::end).isInstanceOf(GatewayException.class).hasMessage("not stored");
    }

    @Test
    void aLengthCutAnswerEndsIncompleteWithItsReason() throws Exception {
        encoder.encode(List.of(chunk("{\"content\":\"Roses\"}")));
        encoder.encode(List.of("{\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"length\"}]}"));
        List<SseFrame> end = encoder.end();
        JsonNode last = Json.parse(end.get(end.size() - 1).data());
        assertThat(last.get("type").asText()).isEqualTo("response.incomplete");
        assertThat(last.get("response").get("incomplete_details").get("reason").asText()).isEqualTo("max_output_tokens");
        assertThat(stored).hasSize(1);
    }

    private static String chunk(String delta) {
        return "{\"model\":\"claude-sonnet-4-5\",\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"finish_reason\":null}]}";
    }
}
