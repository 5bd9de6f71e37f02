package dev.camelgateway.api.responses;

import com.openai.client.OpenAIClient;
import com.openai.core.http.StreamResponse;
import com.openai.models.responses.ResponseStreamEvent;
import dev.camelgateway.support.FakeUpstream.Reply;
import dev.camelgateway.support.GatewayTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the Responses end-to-end tests share: upstream answers from fixtures/responses-upstream/ with ids of the test's
 * own, the SDK's events read into a list, and the gateway's own tables (ledger rows, stored responses).
 */
abstract class ResponsesTestSupport extends GatewayTestSupport {
    static final String OPENAI_RESPONSES = "/openai/v1/responses";

    @Autowired
    JdbcTemplate jdbc;

    static String newId() {
        return UpstreamResponses.newId();
    }

    static Reply openAiJson(String file, String id) {
        return UpstreamResponses.json(file, id);
    }

    static Reply openAiSse(String file, String id) {
        return UpstreamResponses.sse(file, id);
    }

    static List<ResponseStreamEvent> events(OpenAIClient client, com.openai.models.responses.ResponseCreateParams params) {
        List<ResponseStreamEvent> events = new ArrayList<>();
        try (StreamResponse<ResponseStreamEvent> stream = client.responses().createStreaming(params)) {
            stream.stream().forEach(events::add);
        }
        return events;
    }

    /** The event's type, for the events a text or function-call answer has. */
    static String type(ResponseStreamEvent e) {
        return e.isCreated() ? "response.created" : e.isInProgress() ? "response.in_progress"
                : e.isOutputItemAdded() ? "response.output_item.added" : e.isContentPartAdded() ? "response.content_part.added"
                : e.isOutputTextDelta() ? "response.output_text.delta" : e.isOutputTextDone() ? "response.output_text.done"
                : e.isContentPartDone() ? "response.content_part.done" : e.isOutputItemDone() ? "response.output_item.done"
                : e.isFunctionCallArgumentsDelta() ? "response.function_call_arguments.delta"
                : e.isFunctionCallArgumentsDone() ? "response.function_call_arguments.done"
                : e.isCompleted() ? "response.completed" : e.isIncomplete() ? "response.incomplete"
                : e.isFailed() ? "response.failed" : e.isError() ? "error" : "other";
    }

    /** The text of a Response's message items. */
    static String text(com.openai.models.responses.Response response) {
        StringBuilder text = new StringBuilder();
        response.output().forEach(item -> item.message().ifPresent(m -> m.content().forEach(c ->
                c.outputText().ifPresent(t -> text.append(t.text())))));
        return text.toString();
    }

    /** A function tool as the SDK sends it: {@code get_current_weather(location, unit)}. */
    static com.openai.models.responses.FunctionTool weatherTool() {
        return com.openai.models.responses.FunctionTool.builder().name("get_current_weather")
                .description("Get the current weather in a given location")
                .parameters(com.openai.models.responses.FunctionTool.Parameters.builder()
                        .putAdditionalProperty("type", com.openai.core.JsonValue.from("object"))
                        .putAdditionalProperty("properties", com.openai.core.JsonValue.from(Map.of(
                                "location", Map.of("type", "string"), "unit", Map.of("type", "string"))))
                        .putAdditionalProperty("required", com.openai.core.JsonValue.from(List.of("location", "unit")))
                        .build())
                .strict(true).build();
    }

    static com.openai.models.responses.ResponseInputItem functionOutput(String callId, String output) {
        return com.openai.models.responses.ResponseInputItem.ofFunctionCallOutput(
                com.openai.models.responses.ResponseInputItem.FunctionCallOutput.builder().callId(callId).output(output).build());
    }

    static com.openai.models.responses.ResponseTextConfig calendarSchema() {
        return com.openai.models.responses.ResponseTextConfig.builder().format(
                com.openai.models.responses.ResponseFormatTextJsonSchemaConfig.builder().name("calendar_event").strict(true)
                        .schema(com.openai.models.responses.ResponseFormatTextJsonSchemaConfig.Schema.builder()
                                .putAdditionalProperty("type", com.openai.core.JsonValue.from("object"))
                                .putAdditionalProperty("properties", com.openai.core.JsonValue.from(Map.of(
                                        "name", Map.of("type", "string"), "date", Map.of("type", "string"))))
                                .putAdditionalProperty("required", com.openai.core.JsonValue.from(List.of("name", "date")))
                                .putAdditionalProperty("additionalProperties", com.openai.core.JsonValue.from(false))
                                .build()).build()).build();
    }

    static com.fasterxml.jackson.databind.JsonNode json(String text) {
        try {
            return dev.camelgateway.api.Json.parse(text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    int storedRows(String id) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM stored_response WHERE id = ?", Integer.class, id);
    }

    /** The ledger rows of the request the client sent with this x-request-id, once written (a moment after the answer). */
    List<Map<String, Object>> ledgerRows(String clientRequestId, int expected) throws InterruptedException {
        List<Map<String, Object>> rows = List.of();
        for (int i = 0; i < 100 && rows.size() < expected; i++) {
            rows = jdbc.queryForList("SELECT * FROM usage_ledger WHERE client_request_id = ? ORDER BY attempt", clientRequestId);
            if (rows.size() < expected) {
                Thread.sleep(100);
            }
        }
        return rows;
    }
}
