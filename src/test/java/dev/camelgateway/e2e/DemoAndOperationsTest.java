package dev.camelgateway.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.camelgateway.api.Json;
import dev.camelgateway.support.GatewayTestSupport;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What `make run` promises with no key set: the demo model answers, streaming and not; the operator endpoints are up. */
class DemoAndOperationsTest extends GatewayTestSupport {

    @Test
    void demoModelAnswersWithoutAnyKey() {
        ChatCompletion completion = openAi().chat().completions().create(ChatCompletionCreateParams.builder()
                .model("demo").addUserMessage("ping from the test").build());

        assertThat(completion.choices().get(0).message().content()).hasValueSatisfying(text ->
                assertThat(text).startsWith("Hello from the Camel LLM Gateway demo upstream").endsWith("\"ping from the test\""));
        assertThat(completion.usage()).isPresent();
    }

    @Test
    void demoModelStreamsWordByWordAndEndsWithDone() {
        List<String> words = new ArrayList<>();
        try (StreamResponse<ChatCompletionChunk> stream = openAi().chat().completions().createStreaming(
                ChatCompletionCreateParams.builder().model("demo/anything").addUserMessage("stream me").maxTokens(5).build())) {
            stream.stream().forEach(c -> c.choices().forEach(ch -> ch.delta().content().ifPresent(words::add)));
        }
        assertThat(String.join("", words)).isEqualTo("Hello from the Camel LLM");

        HttpResponse<String> raw = post("/v1/chat/completions", "application/json",
                "{\"model\":\"demo\",\"stream\":true,\"max_tokens\":2,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}");
        assertThat(raw.body()).endsWith("data: [DONE]\n\n");
        assertThat(raw.headers().firstValue("Cache-Control")).hasValue("no-cache");
        assertThat(raw.headers().firstValue("X-Accel-Buffering")).hasValue("no");
        assertThat(raw.headers().firstValue("x-gateway-provider")).hasValue("demo");
    }

    @Test
    void modelsListsAliasesAndConfiguredProviderModels() throws Exception {
        HttpResponse<String> response = send(keyed(HttpRequest.newBuilder(URI.create(gatewayUrl("/v1/models")))).GET().build());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode list = Json.parse(response.body());
        assertThat(list.get("object").asText()).isEqualTo("list");
        List<String> ids = new ArrayList<>();
        list.get("data").forEach(m -> ids.add(m.get("id").asText()));
        assertThat(ids).contains("demo", "demo/echo", "fast", "openai/gpt-4o-mini", "mistral/mistral-small-latest", "ollama/llama3.2");
    }

    @Test
    void healthPrometheusAndHawtioAreServed() throws Exception {
        openAi().chat().completions().create(ChatCompletionCreateParams.builder().model("demo").addUserMessage("count me").build());

        assertThat(get("/actuator/health").body()).contains("\"status\":\"UP\"");
        assertThat(metricsEventually("gateway_tokens_total{", "provider=\"demo\"")).contains("type=\"completion\"");
        assertThat(get("/actuator/prometheus").body()).contains("camel_exchanges_total")
                .contains("resilience4j_circuitbreaker_state{name=\"openai\",state=\"closed\"} 1.0");
        HttpResponse<String> hawtio = send(HttpRequest.newBuilder(URI.create(managementUrl("/actuator/hawtio/")))
                .header("Authorization", basic(OPERATOR_USER, OPERATOR_PASSWORD)).GET().build());
        assertThat(hawtio.statusCode()).isEqualTo(200);
        assertThat(hawtio.body()).contains("<title>Hawtio</title>");
    }

    /** The ledger's health, provider-independent series without tags: queue, spool, dead letters, dropped rows. */
    @Test
    void theLedgerMetricsAreServed() {
        String scrape = get("/actuator/prometheus").body();
        assertThat(scrape.lines().filter(l -> l.startsWith("gateway_ledger_")).map(l -> l.substring(0, l.indexOf(' '))))
                .contains("gateway_ledger_queue_depth", "gateway_ledger_spool_rows", "gateway_ledger_dead_letters_total",
                        "gateway_ledger_dropped_total", "gateway_ledger_duplicates_total");
    }

    /** Every metric the shipped Grafana dashboard queries is on /actuator/prometheus once traffic has flowed. */
    @Test
    void everyMetricTheDashboardQueriesIsExposed() throws Exception {
        openAi().chat().completions().create(ChatCompletionCreateParams.builder().model("demo").addUserMessage("metrics").build());
        String dashboard = java.nio.file.Files.readString(java.nio.file.Path.of("ops/grafana/camel-llm-gateway.json"));
        java.util.Set<String> metrics = new java.util.TreeSet<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(gateway_[a-z_]+|resilience4j_[a-z_]+)").matcher(dashboard);
        while (m.find()) {
            metrics.add(m.group(1).replaceAll("_bucket$", ""));
        }
        assertThat(metrics).contains("gateway_requests_total", "gateway_tokens_total", "gateway_cost_usd_total", "gateway_ttft_seconds",
                "gateway_upstream_attempts_total", "resilience4j_circuitbreaker_state");
        metricsEventually("gateway_upstream_attempts_total{", "provider=\"demo\"");
        String scrape = get("/actuator/prometheus").body();
        assertThat(metrics).allSatisfy(metric -> assertThat(scrape).as(metric).contains(metric));
        assertThat(scrape).contains("gateway_requests_total{api=\"chat\",model=\"demo\",outcome=\"success\",provider=\"demo\",stream=\"false\"}");
    }

    /** The usage tap is asynchronous: poll (bounded) until its counter shows up. */
    private static String metricsEventually(String prefix, String containing) throws InterruptedException {
        for (int i = 0; i < 50; i++) {
            String line = get("/actuator/prometheus").body().lines()
                    .filter(l -> l.startsWith(prefix) && l.contains(containing)).findFirst().orElse(null);
            if (line != null) {
                return line;
            }
            Thread.sleep(100);
        }
        return "";
    }

    /** Health and prometheus: on the management port, without credentials. */
    private static HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(managementUrl(path))).GET().build());
    }
}
