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

    @Test
    void interleavedToolCallFragmentsStayWithTheirOwnItem() throws Exception {
        List<SseFrame> frames = new ArrayList<>();
        frames.addAll(encoder.encode(List.of(
                chunk("{\"tool_calls\":[{\"index\":0,\"id\":\"call_a\",\"type\":\"function\",\"function\":{\"name\":\"weather\",\"arguments\":\"{\\\"city\\\":\"}}]}"),
                chunk("{\"tool_calls\":[{\"index\":1,\"id\":\"call_b\",\"type\":\"function\",\"function\":{\"name\":\"time\",\"arguments\":\"{\\\"zone\\\":\"}}]}"),
                chunk("{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"\\\"Paris\\\"}\"}}]}"),
                chunk("{\"tool_calls\":[{\"index\":1,\"function\":{\"arguments\":\"\\\"CET\\\"}\"}}]}"),
                "{\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"tool_calls\"}]}")));
        frames.addAll(encoder.end());

        List<JsonNode> events = new ArrayList<>();
        for (SseFrame frame : frames) {
            events.add(Json.parse(frame.data()));
        }
        assertThat(events.stream().filter(e -> e.get("type").asText().equals("response.output_item.added")))
                .as("one item per tool call").hasSize(2);
        JsonNode output = stored.get(0).get("output");
        assertThat(output).hasSize(2);
        assertThat(output.get(0).get("call_id").asText()).isEqualTo("call_a");
        assertThat(output.get(0).get("name").asText()).isEqualTo("weather");
        assertThat(output.get(0).get("arguments").asText()).isEqualTo("{\"city\":\"Paris\"}");
        assertThat(output.get(1).get("call_id").asText()).isEqualTo("call_b");
        assertThat(output.get(1).get("arguments").asText()).isEqualTo("{\"zone\":\"CET\"}");
        List<JsonNode> deltas = events.stream()
                .filter(e -> e.get("type").asText().equals("response.function_call_arguments.delta")).toList();
        assertThat(deltas).extracting(e -> e.get("output_index").asInt()).containsExactly(0, 1, 0, 1);
        assertThat(deltas.get(2).get("item_id").asText()).isEqualTo(output.get(0).get("id").asText());
        assertThat(deltas.get(3).get("item_id").asText()).isEqualTo(output.get(1).get("id").asText());
    }

    private static String chunk(String delta) {
        return "{\"model\":\"claude-sonnet-4-5\",\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"finish_reason\":null}]}";
    }
}
