package dev.camelgateway.e2e;

import com.openai.models.embeddings.EmbeddingCreateParams;
import dev.camelgateway.api.Json;
import dev.camelgateway.support.FakeUpstream.Reply;
import dev.camelgateway.support.Fixtures;
import dev.camelgateway.support.GatewayTestSupport;
import dev.camelgateway.support.TestKeys;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An embeddings request asks for no output: a key's budget holds its prompt only (no completion-reserve), a key's
 * token ceiling writes nothing into it; its meters carry {@code api="embeddings"} and configured names only.
 */
class EmbeddingsLimitsAndMetricsTest extends GatewayTestSupport {
    private static final String OPENAI_EMBEDDINGS = "/openai/v1/embeddings";
    private static final String EMBED = "{\"model\":\"openai/text-embedding-3-small\",\"input\":\"hello world\"}";

    @Test
    void aBudgetBelowCompletionReserveAdmitsEmbeddingsButNotAnUnboundedChat() {
        HttpResponse<String> chat = send(request(TestKeys.EMBEDDINGS_BUDGET_KEY, "/v1/chat/completions",
                chat("openai/gpt-4o-mini", false)));
        assertThat(chat.statusCode()).as(chat.body()).isEqualTo(429); // 8 + completion-reserve 1024 > 500
        assertThat(chat.body()).contains("budget_exceeded");
        UPSTREAM.enqueue(OPENAI_EMBEDDINGS, Reply.json(200, Fixtures.read("openai", "embeddings-basic", "upstream-response.json")));

        HttpResponse<String> embeddings = send(request(TestKeys.EMBEDDINGS_BUDGET_KEY, "/v1/embeddings", EMBED));

        assertThat(embeddings.statusCode()).as(embeddings.body()).isEqualTo(200); // the prompt's 2 tokens only
        assertThat(UPSTREAM.received()).hasSize(1);
    }

    @Test
    void aKeysTokenCeilingWritesNothingIntoAnEmbeddingsRequest() throws Exception {
        UPSTREAM.enqueue(OPENAI_EMBEDDINGS, Reply.json(200, Fixtures.read("openai", "embeddings-basic", "upstream-response.json")));

        HttpResponse<String> response = send(request(TestKeys.CEILINGS_KEY, "/v1/embeddings", EMBED));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(Json.parse(UPSTREAM.lastRequest().body()))
                .isEqualTo(Json.parse("{\"model\":\"text-embedding-3-small\",\"input\":\"hello world\"}"));
    }

    @Test
    void requestsAndTokensAreTaggedEmbeddingsWithConfiguredNamesOnly() throws Exception {
        UPSTREAM.enqueue(OPENAI_EMBEDDINGS, Reply.json(200, Fixtures.read("openai", "embeddings-basic", "upstream-response.json")));
        openAi().embeddings().create(EmbeddingCreateParams.builder().model("openai/text-embedding-3-small").input("hi").build());
        for (int i = 0; i < 3; i++) {
            UPSTREAM.enqueue(OPENAI_EMBEDDINGS, Reply.json(200, Fixtures.read("openai", "embeddings-basic", "upstream-response.json")));
            openAi().embeddings().create(EmbeddingCreateParams.builder().model("openai/unlisted-embedder-" + i).input("hi").build());
        }

        Set<String> series = Set.of();
        for (int i = 0; i < 50 && series.stream().noneMatch(s -> s.startsWith("gateway_tokens_total{api=\"embeddings\"")); i++) {
            Thread.sleep(i == 0 ? 0 : 100); // tokens are metered by the asynchronous usage tap
            series = gatewaySeries();
        }
        assertThat(series).contains(
                "gateway_requests_total{api=\"embeddings\",model=\"openai/text-embedding-3-small\",outcome=\"success\","
                        + "provider=\"openai\",stream=\"false\"}",
                "gateway_requests_total{api=\"embeddings\",model=\"other\",outcome=\"success\",provider=\"openai\",stream=\"false\"}",
                "gateway_tokens_total{api=\"embeddings\",model=\"text-embedding-3-small\",provider=\"openai\",type=\"prompt\"}");
        assertThat(series).noneMatch(s -> s.contains("unlisted"));
        assertThat(series).as("an embedding has no output tokens")
                .noneMatch(s -> s.startsWith("gateway_tokens_total{api=\"embeddings\"") && s.contains("type=\"completion\""));
    }

    private static HttpRequest request(String key, String path, String body) {
        return HttpRequest.newBuilder(URI.create(gatewayUrl(path))).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + key).POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    /** Every gateway_* series of the scrape, without its value. */
    private static Set<String> gatewaySeries() {
        String scrape = send(HttpRequest.newBuilder(URI.create(managementUrl("/actuator/prometheus"))).GET().build()).body();
        return scrape.lines().filter(l -> l.startsWith("gateway_")).map(l -> l.substring(0, l.lastIndexOf(' ')))
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
