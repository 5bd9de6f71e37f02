package dev.camelgateway.usage;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelgateway.api.Json;
import dev.camelgateway.support.FakeUpstream.Reply;
import dev.camelgateway.support.Fixtures;
import dev.camelgateway.support.GatewayTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ledger's contract (design.md §4.4), one row per upstream attempt, against real-HTTP fake upstreams; run on the
 * embedded H2 ledger and on PostgreSQL by the two subclasses.
 */
abstract class LedgerScenarios extends GatewayTestSupport {
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    LedgerRepository ledger;

    @BeforeEach
    void emptyLedger() {
        jdbc.update("DELETE FROM usage_ledger");
    }

    @ParameterizedTest(name = "{0} stream={1}")
    @CsvSource({
            "openai/gpt-4o-mini,           false, 9,  8",
            "openai/gpt-4o-mini,           true,  9,  8",
            "mistral/mistral-large-latest, false, 7,  12",
            "mistral/mistral-large-latest, true,  7,  12",
            "anthropic/claude-sonnet-4-5,  false, 31, 17",
            "anthropic/claude-sonnet-4-5,  true,  31, 17",
            "gemini/gemini-2.5-flash,      false, 25, 54",
            "gemini/gemini-2.5-flash,      true,  25, 54"})
    void aCompletedRequestHasOneCompleteRowWithTheReportedTokens(String model, boolean stream, long prompt, long completion) {
        String provider = model.substring(0, model.indexOf('/'));
        enqueueSuccess(provider, stream);

        HttpResponse<String> response = post("/v1/chat/completions", "application/json", chat(model, stream, false));

        assertThat(response.statusCode()).isEqualTo(200);
        List<Map<String, Object>> rows = rows(requestId(response), 1);
        assertThat(rows).hasSize(1);
        Map<String, Object> row = rows.get(0);
        assertThat(row.get("status")).isEqualTo("COMPLETE");
        assertThat(row.get("provider")).isEqualTo(provider);
        assertThat(row.get("usage_source")).isEqualTo("PROVIDER");
        assertThat(((Number) row.get("prompt_tokens")).longValue()).isEqualTo(prompt);
        assertThat(((Number) row.get("completion_tokens")).longValue()).isEqualTo(completion);
        assertThat(((Number) row.get("total_tokens")).longValue()).isEqualTo(prompt + completion);
        assertThat(row.get("stream")).isEqualTo(stream);
        assertThat(((Number) row.get("http_status")).intValue()).isEqualTo(200);
        assertThat(row.get("ttft_ms")).isNotNull();
    }

    /** cost_usd = (prompt − cached) × input + cached × cached-input + completion × output, per million (config's prices). */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "openai/gpt-4o-mini,           chat-basic,               0.000006150", // 9 × 0.15 + 8 × 0.60
            "mistral/mistral-large-latest, chat-basic,               0.000086000", // 7 × 2.00 + 12 × 6.00
            "gemini/gemini-2.5-flash,      chat-basic,               0.000142500", // 25 × 0.30 + (14 + 40 thoughts) × 2.50
            "anthropic/claude-sonnet-4-5,  t07-tool-use-cache-usage, 0.000900000", // 50 × 3.00 + 1000 cached × 0.30 + 30 × 15.00
            "ollama/llama3,                chat-basic,               ''"}) // no price: NULL
    void aRowCostsWhatThePriceTableSaysExactly(String model, String fixture, String cost) {
        String provider = model.substring(0, model.indexOf('/'));
        String path = switch (provider) {
            case "openai" -> OPENAI_PATH;
            case "mistral" -> MISTRAL_PATH;
            case "anthropic" -> ANTHROPIC_PATH;
            case "gemini" -> GEMINI_PATH;
            default -> OLLAMA_PATH;
        };
        String fixtureProvider = provider.equals("ollama") ? "openai" : provider;
        UPSTREAM.enqueue(path, Reply.json(200, Fixtures.read(fixtureProvider, fixture, "upstream-response.json")));

        HttpResponse<String> response = post("/v1/chat/completions", "application/json", chat(model, false, false));

        Map<String, Object> row = rows(requestId(response), 1).get(0);
        assertThat(row.get("cost_usd")).isEqualTo(cost.isEmpty() ? null : new BigDecimal(cost));
        assertThat(row.get("api")).isEqualTo("chat");
        assertThat(row.get("key_id")).as("the caller's key").isEqualTo("test");
        assertThat(row.get("team")).as("key test has no team").isNull();
    }

    @Test
    void aStreamCutAfterNEventsHasAPartialRowWithProviderInputAndEstimatedOutput() {
        String sse = Fixtures.read("anthropic", "chat-basic", "upstream-response.sse");
        UPSTREAM.enqueue(ANTHROPIC_PATH, Reply.sse(List.of()).withRawSse(sse.substring(0, nthEventEnd(sse, 5))).thenCut());

        HttpResponse<String> response = post("/v1/chat/completions", "application/json",
                chat("anthropic/claude-sonnet-4-5", true, false));

        Map<String, Object> row = rows(requestId(response), 1).get(0);
        assertThat(row.get("status")).isEqualTo("PARTIAL");
        assertThat(row.get("usage_source")).isEqualTo("ESTIMATED");
        assertThat(((Number) row.get("prompt_tokens")).longValue()).as("message_start's input tokens").isEqualTo(31);
        assertThat(((Number) row.get("completion_tokens")).longValue()).as("tokens of the text received").isPositive();
        assertThat(row.get("error_code")).isEqualTo("stream_interrupted");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"openai/gpt-4o-mini, ESTIMATED", "mistral/mistral-large-latest, ESTIMATED", "gemini/gemini-2.5-flash, PROVIDER"})
    void everyProviderTypesCutStreamHasAPartialRow(String model, String source) {
        String provider = model.substring(0, model.indexOf('/'));
        String path = switch (provider) {
            case "openai" -> OPENAI_PATH;
            case "mistral" -> MISTRAL_PATH;
            default -> GEMINI_STREAM_PATH;
        };
        List<String> events = Fixtures.ssePayloads(provider, "chat-basic", "upstream-response.sse");
        UPSTREAM.enqueue(path, Reply.sse(events.subList(0, provider.equals("gemini") ? 1 : 2)).thenCut());

        HttpResponse<String> response = post("/v1/chat/completions", "application/json", chat(model, true, false));

        Map<String, Object> row = rows(requestId(response), 1).get(0);
        assertThat(row.get("status")).isEqualTo("PARTIAL");
        assertThat(row.get("usage_source")).isEqualTo(source);
        assertThat(((Number) row.get("prompt_tokens")).longValue()).isPositive();
        assertThat(((Number) row.get("completion_tokens")).longValue()).isPositive();
    }

    @Test
    void aRetriedRequestHasOneRowPerAttempt() {
        UPSTREAM.enqueue(OLLAMA_PATH, Reply.json(500, "{\"error\":{\"message\":\"oops\"}}"));
        UPSTREAM.enqueue(OLLAMA_PATH, Reply.json(200, Fixtures.read("openai", "chat-basic", "upstream-response.json")));

        HttpResponse<String> response = post("/v1/chat/completions", "application/json", chat("ollama/llama3", false, false));

        List<Map<String, Object>> rows = rows(requestId(response), 2);
        assertThat(rows).extracting(r -> r.get("status")).containsExactly("FAILED", "COMPLETE");
        assertThat(rows).extracting(r -> ((Number) r.get("attempt")).intValue()).containsExactly(1, 2);
        assertThat(((Number) rows.get(0).get("http_status")).intValue()).isEqualTo(502);
    }

    /** Regression: a retried attempt that fails before its stream starts must not carry the previous attempt's usage. */
    @Test
    void eachAttemptRowCarriesOnlyItsOwnUsage() {
        List<String> events = Fixtures.ssePayloads("openai", "chat-basic", "upstream-response.sse");
        String usageOnly = events.get(events.size() - 2); // the usage chunk, which this client did not ask for
        UPSTREAM.enqueue(OLLAMA_PATH, Reply.sse(List.of(usageOnly)).thenCut()); // nothing reached the client: retried
        UPSTREAM.enqueue(OLLAMA_PATH, Reply.json(503, "{\"error\":{\"message\":\"down\"}}"));

        HttpResponse<String> response = post("/v1/chat/completions", "application/json", chat("ollama/llama3", true, false));

        assertThat(response.statusCode()).isEqualTo(503);
        List<Map<String, Object>> rows = rows(requestId(response), 2);
        assertThat(rows).extracting(r -> r.get("status")).containsExactly("FAILED", "FAILED");
        assertThat(((Number) rows.get(0).get("prompt_tokens")).longValue()).as("reported by the first attempt").isEqualTo(9);
        assertThat(rows.get(1).get("prompt_tokens")).as("the second attempt reported nothing: unknown, not 0").isNull();
        assertThat(((Number) rows.get(1).get("completion_tokens")).longValue()).isZero();
    }

    /** Regression: an upstream's error code longer than its column was a row the database refused, retried for ever. */
    @Test
    void anOverLongUpstreamErrorCodeIsCutToItsColumnAndLaterRowsAreWritten() {
        String code = "c".repeat(100);
        UPSTREAM.enqueue(OPENAI_PATH, Reply.json(400, "{\"error\":{\"message\":\"no\",\"type\":\"invalid_request_error\",\"code\":\""
                + code + "\"}}"));

        HttpResponse<String> refused = post("/v1/chat/completions", "application/json", chat("openai/gpt-4o-mini", false, false));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(rows(requestId(refused), 1).get(0).get("error_code")).isEqualTo("c".repeat(64));
        enqueueSuccess("openai", false);
        HttpResponse<String> next = post("/v1/chat/completions", "application/json", chat("openai/gpt-4o-mini", false, false));
        assertThat(rows(requestId(next), 1).get(0).get("status")).isEqualTo("COMPLETE");
    }

    /** The provider's request id per attempt; one longer than its column is cut to it, never a row the database refuses. */
    @Test
    void eachAttemptRowKeepsTheProvidersRequestIdCutToItsColumn() {
        UPSTREAM.enqueue(OLLAMA_PATH, Reply.json(500, "{\"error\":{\"message\":\"oops\"}}", Map.of("x-request-id", "i".repeat(300))));
        UPSTREAM.enqueue(OLLAMA_PATH, Reply.json(200, Fixtures.read("openai", "chat-basic", "upstream-response.json"),
                Map.of("x-request-id", "req_second")));

        HttpResponse<String> response = post("/v1/chat/completions", "application/json", chat("ollama/llama3", false, false));

        List<Map<String, Object>> rows = rows(requestId(response), 2);
        assertThat(rows).extracting(r -> r.get("upstream_request_id")).containsExactly("i".repeat(128), "req_second");
    }

    @Test
    void aFallbackHasRowsForBothProviders() {
        UPSTREAM.enqueue(OLLAMA_PATH, Reply.json(503, "{\"error\":{\"message\":\"down\"}}"));
        UPSTREAM.enqueue(OLLAMA_PATH, Reply.json(503, "{\"error\":{\"message\":\"down\"}}"));
        enqueueSuccess("anthropic", false);

        HttpResponse<String> response = post("/v1/chat/completions", "application/json", chat("resilient", false, false));

        List<Map<String, Object>> rows = rows(requestId(response), 3);
        assertThat(rows).extracting(r -> r.get("provider")).containsExactly("ollama", "ollama", "anthropic");
        assertThat(rows).extracting(r -> r.get("status")).containsExactly("FAILED", "FAILED", "COMPLETE");
        assertThat(rows).allSatisfy(r -> assertThat(r.get("requested_model")).isEqualTo("resilient"));
    }

    @Test
    void aClientAbortHasAClientAbortedRow() throws Exception {
        List<String> many = new ArrayList<>(Fixtures.ssePayloads("openai", "chat-basic", "upstream-response.sse").subList(0, 2));
        for (int i = 0; i < 40; i++) {
            many.add(many.get(1));
        }
        UPSTREAM.enqueue(OLLAMA_PATH, Reply.sse(many).paced(100));
        HttpRequest request = keyed(HttpRequest.newBuilder(URI.create(gatewayUrl("/v1/chat/completions"))))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(chat("ollama/llama3", true, false)))
                .build();
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream());
        response.body().readNBytes(300);
        response.body().close();

        Map<String, Object> row = rows(response.headers().firstValue("x-request-id").orElseThrow(), 1).get(0);
        assertThat(row.get("status")).isEqualTo("CLIENT_ABORTED");
        assertThat(((Number) row.get("completion_tokens")).longValue()).as("what was streamed before the client left").isPositive();
    }

    @Test
    void theReadSideAnswersPerRequestAndTotals() throws Exception {
        enqueueSuccess("openai", false);
        String requestId = requestId(post("/v1/chat/completions", "application/json", chat("openai/gpt-4o-mini", false, false)));
        rows(requestId, 1);

        String oneBody = get("/admin/usage/" + requestId).body();
        JsonNode one = Json.parse(oneBody);
        assertThat(one.has("attempts")).as(oneBody).isTrue();
        assertThat(one.get("attempts")).hasSize(1);
        JsonNode attempt = one.get("attempts").get(0);
        assertThat(attempt.get("prompt_tokens").asLong()).isEqualTo(9);
        assertThat(attempt.get("cost_usd").decimalValue()).isEqualByComparingTo("0.00000615");
        assertThat(attempt.get("api").asText()).isEqualTo("chat");
        assertThat(attempt.path("key_id").asText()).as(oneBody).isEqualTo("test");
        assertThat(attempt.has("team") && attempt.get("team").isNull()).as(oneBody).isTrue();
        JsonNode totals = Json.parse(get("/admin/usage?group_by=provider").body());
        assertThat(totals.get("totals").get(0).get("grp").asText()).isEqualTo("openai");
        assertThat(totals.get("totals").get(0).get("total_tokens").asLong()).isEqualTo(17);
        assertThat(totals.get("totals").get(0).get("cost_usd").decimalValue()).isEqualByComparingTo("0.00000615");
        assertThat(get("/admin/usage/req_unknown").statusCode()).isEqualTo(404);
        assertThat(get("/admin/usage?group_by=color").statusCode()).isEqualTo(400);
    }

    /** Spend per key and per team, priced and unpriced attempts apart; rows without a key make a group of their own. */
    @Test
    void theReadSideTotalsCostPerKeyAndPerTeam() throws Exception {
        Instant day = Instant.parse("2001-02-03T00:00:00Z"); // a window no other row of the ledger is in
        ledger.insertAll(List.of(keyed("req_a", "key_a", "team_x", "0.000001000", day), keyed("req_b", "key_a", "team_x",
                "0.000002500", day), keyed("req_c", "key_b", "team_x", null, day), keyed("req_d", null, null, "0.5", day)));
        String window = "&from=2001-02-03T00:00:00Z&to=2001-02-04T00:00:00Z";

        JsonNode byKey = Json.parse(get("/admin/usage?group_by=key" + window).body()).get("totals");
        JsonNode byTeam = Json.parse(get("/admin/usage?group_by=team" + window).body()).get("totals");

        assertThat(byKey).extracting(g -> g.get("grp").isNull() ? null : g.get("grp").asText()).containsExactly("key_a", "key_b", null);
        assertThat(byKey.get(0).get("cost_usd").decimalValue()).isEqualByComparingTo("0.0000035");
        assertThat(byKey.get(0).get("attempts").asInt()).isEqualTo(2);
        assertThat(byKey.get(1).get("cost_usd").isNull()).as("no priced attempt").isTrue();
        assertThat(byKey.get(1).get("unpriced").asInt()).isEqualTo(1);
        assertThat(byTeam).extracting(g -> g.get("grp").isNull() ? null : g.get("grp").asText()).containsExactly("team_x", null);
        assertThat(byTeam.get(0).get("cost_usd").decimalValue()).isEqualByComparingTo("0.0000035");
        assertThat(byTeam.get(0).get("unpriced").asInt()).isEqualTo(1);
        assertThat(byTeam.get(0).get("total_tokens").asLong()).isEqualTo(9);
        assertThat(byTeam.get(1).get("cost_usd").decimalValue()).isEqualByComparingTo("0.5");
    }

    static AttemptRecord keyed(String requestId, String key, String team, String cost, Instant at) {
        return new AttemptRecord(requestId, 1, null, at, at, "fast", "openai", "gpt-4o-mini", false, AttemptStatus.COMPLETE,
                Usage.of(1L, 2L), false, 5L, 5L, 200, null, null, "chat", key, team, cost == null ? null : new BigDecimal(cost));
    }

    private void enqueueSuccess(String provider, boolean stream) {
        String path = switch (provider) {
            case "openai" -> OPENAI_PATH;
            case "mistral" -> MISTRAL_PATH;
            case "anthropic" -> ANTHROPIC_PATH;
            default -> stream ? GEMINI_STREAM_PATH : GEMINI_PATH;
        };
        if (!stream) {
            UPSTREAM.enqueue(path, Reply.json(200, Fixtures.read(provider, "chat-basic", "upstream-response.json")));
        } else {
            UPSTREAM.enqueue(path, Reply.sse(List.of()).withRawSse(Fixtures.read(provider, "chat-basic", "upstream-response.sse")));
        }
    }

    /** The ledger is written asynchronously: wait (bounded) until the request's rows are there. */
    List<Map<String, Object>> rows(String requestId, int expected) {
        List<Map<String, Object>> rows = List.of();
        for (int i = 0; i < 100 && rows.size() < expected; i++) {
            rows = jdbc.queryForList("SELECT * FROM usage_ledger WHERE request_id = ? ORDER BY attempt", requestId);
            if (rows.size() < expected) {
                sleep(50);
            }
        }
        assertThat(rows).as("ledger rows of " + requestId).hasSize(expected);
        return rows;
    }

    static String chat(String model, boolean stream, boolean includeUsage) {
        return "{\"model\":\"" + model + "\",\"stream\":" + stream + (includeUsage ? ",\"stream_options\":{\"include_usage\":true}" : "")
                + ",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
    }

    private static String requestId(HttpResponse<String> response) {
        return response.headers().firstValue("x-request-id").orElseThrow();
    }

    /** The read side needs an operator login (read-only is enough). */
    private static HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(gatewayUrl(path))).header("Authorization", basic(OPERATOR_USER, OPERATOR_PASSWORD))
                .GET().build());
    }

    private static int nthEventEnd(String sse, int n) {
        int at = 0;
        for (int i = 0; i < n; i++) {
            at = sse.indexOf("\n\n", at) + 2;
        }
        return at;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
