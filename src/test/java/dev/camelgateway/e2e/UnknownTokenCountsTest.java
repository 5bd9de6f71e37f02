package dev.camelgateway.e2e;

import dev.camelgateway.support.FakeUpstream.Reply;
import dev.camelgateway.support.GatewayTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A token count nobody knows is NULL in the ledger, never 0; the row is then not marked as the provider's count. */
class UnknownTokenCountsTest extends GatewayTestSupport {
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void emptyLedger() {
        jdbc.update("DELETE FROM usage_ledger");
    }

    @Test
    void aFailedAttemptsPromptIsUnknown() {
        UPSTREAM.enqueue(OLLAMA_PATH, Reply.json(503, "{\"error\":{\"message\":\"down\",\"type\":\"server_error\"}}"));
        UPSTREAM.enqueue(OLLAMA_PATH, Reply.json(503, "{\"error\":{\"message\":\"down\",\"type\":\"server_error\"}}"));

        HttpResponse<String> response = post("/v1/chat/completions", "application/json", chat("ollama/llama3", false));

        assertThat(response.statusCode()).isEqualTo(503);
        List<Map<String, Object>> rows = rows(response.headers().firstValue("x-request-id").orElseThrow(), 2);
        for (Map<String, Object> row : rows) {
            assertThat(row.get("status")).isEqualTo("FAILED");
            assertThat(row.get("prompt_tokens")).as("not 0: whether the provider bills it is unknown").isNull();
            assertThat(row.get("total_tokens")).isNull();
            assertThat(row.get("usage_source")).isEqualTo("ESTIMATED");
        }
    }

    @Test
    void aCompletionCountGeminiDidNotSendIsCountedByTheGatewayAndMarkedEstimated() {
        UPSTREAM.enqueue(GEMINI_PATH, Reply.json(200, "{\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":"
                + "[{\"text\":\"Bonjour tout le monde\"}]},\"finishReason\":\"STOP\",\"index\":0}],"
                + "\"usageMetadata\":{\"promptTokenCount\":25,\"totalTokenCount\":25},\"modelVersion\":\"gemini-2.5-flash\"}"));

        HttpResponse<String> response = post("/v1/chat/completions", "application/json", chat("gemini/gemini-2.5-flash", false));

        assertThat(response.statusCode()).isEqualTo(200);
        Map<String, Object> row = rows(response.headers().firstValue("x-request-id").orElseThrow(), 1).get(0);
        assertThat(row.get("prompt_tokens")).isEqualTo(25L);
        assertThat(((Number) row.get("completion_tokens")).longValue()).as("counted on the text received, not 0").isPositive();
        assertThat(row.get("usage_source")).isEqualTo("ESTIMATED");
    }

    private List<Map<String, Object>> rows(String requestId, int expected) {
        List<Map<String, Object>> rows = List.of();
        for (int i = 0; i < 100 && rows.size() < expected; i++) {
            rows = jdbc.queryForList("SELECT * FROM usage_ledger WHERE request_id = ? ORDER BY attempt", requestId);
            if (rows.size() < expected) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
        assertThat(rows).as("ledger rows of " + requestId).hasSize(expected);
        return rows;
    }

}
