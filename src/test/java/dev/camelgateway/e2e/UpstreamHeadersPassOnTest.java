package dev.camelgateway.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelgateway.api.Json;
import dev.camelgateway.support.FakeUpstream.Reply;
import dev.camelgateway.support.Fixtures;
import dev.camelgateway.support.GatewayTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The upstream's rate-limit state ({@code x-ratelimit-*}, Anthropic's under OpenAI's names) and its request id
 * ({@code x-upstream-request-id}) reach the client on JSON answers, streams and passed-on errors, and the id is in each
 * attempt's ledger row; nothing else of the upstream's headers does.
 */
class UpstreamHeadersPassOnTest extends GatewayTestSupport {
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aJsonAnswerCarriesTheUpstreamsRateLimitsAndRequestIdAndTheRowKeepsTheId() throws Exception {
        UPSTREAM.enqueue(OPENAI_PATH, Reply.json(200, Fixtures.read("openai", "chat-basic", "upstream-response.json"), Map.of(
                "x-ratelimit-limit-requests", "5000", "x-ratelimit-remaining-requests", "4999",
                "x-ratelimit-reset-requests", "12ms", "x-request-id", "req_upstream_json",
                "openai-organization", "org-internal", "openai-processing-ms", "321")));

        HttpResponse<String> response = post("/v1/chat/completions", "application/json", chat("openai/gpt-4o-mini", false));

        assertThat(response.statusCode()).isEqualTo(200);
        HttpHeaders headers = response.headers();
        assertThat(headers.firstValue("x-ratelimit-limit-requests")).hasValue("5000");
        assertThat(headers.firstValue("x-ratelimit-remaining-requests")).hasValue("4999");
        assertThat(headers.firstValue("x-ratelimit-reset-requests")).hasValue("12ms");
        assertThat(headers.firstValue("x-upstream-request-id")).hasValue("req_upstream_json");
        assertThat(headers.firstValue("x-request-id")).get().asString().startsWith("req_").isNotEqualTo("req_upstream_json");
        assertThat(headers.map()).doesNotContainKeys("openai-organization", "openai-processing-ms");
        String requestId = headers.firstValue("x-request-id").orElseThrow();
        assertThat(rows(requestId, 1).get(0).get("upstream_request_id")).isEqualTo("req_upstream_json");
        JsonNode usage = Json.parse(send(HttpRequest.newBuilder(URI.create(gatewayUrl("/admin/usage/" + requestId)))
                .header("Authorization", basic(OPERATOR_USER, OPERATOR_PASSWORD)).GET().build()).body());
        assertThat(usage.get("attempts").get(0).get("upstream_request_id").asText()).isEqualTo("req_upstream_json");
    }

    @Test
    void aStreamCarriesAnthropicsLimitsUnderOpenAiNamesFromItsFirstByte() {
        UPSTREAM.enqueue(ANTHROPIC_PATH, Reply.sse(List.of()).withRawSse(Fixtures.read("anthropic", "chat-basic", "upstream-response.sse"))
                .withHeader("anthropic-ratelimit-requests-limit", "1000")
                .withHeader("anthropic-ratelimit-requests-remaining", "999")
                .withHeader("anthropic-ratelimit-tokens-remaining", "95000")
                .withHeader("anthropic-ratelimit-input-tokens-remaining", "80000")
                .withHeader("request-id", "req_011anthropic"));

        HttpResponse<String> response = post("/v1/chat/completions", "application/json", chat("anthropic/claude-sonnet-4-5", true));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).get().asString().startsWith("text/event-stream");
        assertThat(response.body()).endsWith("data: [DONE]\n\n");
        assertThat(response.headers().firstValue("x-ratelimit-limit-requests")).hasValue("1000");
        assertThat(response.headers().firstValue("x-ratelimit-remaining-requests")).hasValue("999");
        assertThat(response.headers().firstValue("x-ratelimit-remaining-tokens")).hasValue("95000");
        assertThat(response.headers().firstValue("x-upstream-request-id")).hasValue("req_011anthropic");
        assertThat(response.headers().map().keySet()).noneMatch(name -> name.startsWith("anthropic-"));
    }

    @Test
    void anUpstream429PassedToTheClientCarriesTheRateLimitsAndRequestId() {
        UPSTREAM.enqueue(OPENAI_PATH, Reply.json(429, "{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\","
                + "\"code\":\"rate_limit_exceeded\"}}", Map.of("retry-after", "60", "x-ratelimit-remaining-requests", "0",
                "x-ratelimit-reset-requests", "59s", "x-request-id", "req_limited")));

        HttpResponse<String> response = post("/v1/chat/completions", "application/json", chat("openai/gpt-4o-mini", false));

        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("retry-after")).hasValue("60");
        assertThat(response.headers().firstValue("x-ratelimit-remaining-requests")).hasValue("0");
        assertThat(response.headers().firstValue("x-ratelimit-reset-requests")).hasValue("59s");
        assertThat(response.headers().firstValue("x-upstream-request-id")).hasValue("req_limited");
        String requestId = response.headers().firstValue("x-request-id").orElseThrow();
        assertThat(rows(requestId, 1).get(0).get("upstream_request_id")).isEqualTo("req_limited");
    }

    @Test
    void eachAttemptKeepsItsOwnUpstreamIdAndTheClientGetsTheLastAttemptsHeadersOnly() {
        UPSTREAM.enqueue(OLLAMA_PATH, Reply.json(500, "{\"error\":{\"message\":\"oops\"}}",
                Map.of("x-request-id", "req_first", "x-ratelimit-remaining-requests", "10")));
        UPSTREAM.enqueue(OLLAMA_PATH, Reply.json(200, Fixtures.read("openai", "chat-basic", "upstream-response.json"),
                Map.of("x-request-id", "req_second")));

        HttpResponse<String> response = post("/v1/chat/completions", "application/json", chat("ollama/llama3", false));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("x-gateway-attempts")).hasValue("2");
        assertThat(response.headers().firstValue("x-upstream-request-id")).hasValue("req_second");
        assertThat(response.headers().firstValue("x-ratelimit-remaining-requests")).as("the first attempt's").isEmpty();
        List<Map<String, Object>> rows = rows(response.headers().firstValue("x-request-id").orElseThrow(), 2);
        assertThat(rows).extracting(r -> r.get("upstream_request_id")).containsExactly("req_first", "req_second");
    }

    @Test
    void anAttemptWithoutAnUpstreamAnswerHasNoUpstreamId() {
        UPSTREAM.enqueue(OPENAI_PATH, Reply.json(400, "{\"error\":{\"message\":\"bad\",\"type\":\"invalid_request_error\"}}"));

        HttpResponse<String> response = post("/v1/chat/completions", "application/json", chat("openai/gpt-4o-mini", false));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("x-upstream-request-id")).isEmpty();
        assertThat(rows(response.headers().firstValue("x-request-id").orElseThrow(), 1).get(0).get("upstream_request_id")).isNull();
    }


    /** The ledger is written asynchronously: wait (bounded) until the request's rows are there; keys in lower case. */
    private List<Map<String, Object>> rows(String requestId, int expected) {
        List<Map<String, Object>> rows = List.of();
        for (int i = 0; i < 100 && rows.size() < expected; i++) {
            rows = jdbc.queryForList("SELECT * FROM usage_ledger WHERE request_id = ? ORDER BY attempt", requestId).stream()
                    .map(row -> {
                        Map<String, Object> lower = new java.util.HashMap<>();
                        row.forEach((k, v) -> lower.put(k.toLowerCase(java.util.Locale.ROOT), v));
                        return lower;
                    }).toList();
            if (rows.size() < expected) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        assertThat(rows).as("ledger rows of " + requestId).hasSize(expected);
        return rows;
    }
}
