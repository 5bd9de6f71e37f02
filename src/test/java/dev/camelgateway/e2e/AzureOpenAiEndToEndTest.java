package dev.camelgateway.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.camelgateway.api.Json;
import dev.camelgateway.support.Completions;
import dev.camelgateway.support.FakeUpstream.Received;
import dev.camelgateway.support.FakeUpstream.Reply;
import dev.camelgateway.support.Fixtures;
import dev.camelgateway.support.GatewayTestSupport;
import dev.camelgateway.support.KeyLeaks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static dev.camelgateway.support.OpenAiErrors.assertError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code type: azure-openai} from the official OpenAI Java SDK to a fake Azure OpenAI: the {@code azure} deployment
 * (v1 API, {@code api-key} header) and {@code azure-entra} (api-version deployment URLs, Entra ID Bearer tokens from
 * a fake HTTPS token endpoint); whole and streamed answers, content-filter and throttling errors, embeddings and
 * Responses through Azure's URLs.
 */
@ExtendWith(OutputCaptureExtension.class)
class AzureOpenAiEndToEndTest extends GatewayTestSupport {
    private static final String DEPLOYMENT = "gpt-4o-prod";
    private static final String V1_CHAT = "/azure/openai/v1/chat/completions";
    private static final String VERSIONED_CHAT = "/azure-entra/openai/deployments/" + DEPLOYMENT + "/chat/completions";

    private static String fixture(String caseName, String file) {
        return Fixtures.read("azure-openai", caseName, file);
    }

    private static ChatCompletionCreateParams params(String deployment) {
        return ChatCompletionCreateParams.builder().model(deployment + "/" + DEPLOYMENT)
                .addUserMessage("Say hello in French.").build();
    }

    /** Whole, then streamed: the SDK's accumulated stream equals the whole answer (the filter-only chunk dropped). */
    private Completions.Streamed wholeAndStreamed(String deployment, String path) throws Exception {
        UPSTREAM.enqueue(path, Reply.json(200, fixture("chat-basic", "upstream-response.json")));
        UPSTREAM.enqueue(path, Reply.sse(List.of()).withRawSse(fixture("chat-streaming", "upstream-response.sse")));

        ChatCompletion whole = openAi().chat().completions().create(params(deployment));
        Completions.Streamed streamed = Completions.stream(openAi(), params(deployment));

        assertThat(whole.choices().get(0).message().content()).contains("Bonjour !");
        Completions.assertSameCompletion(whole, streamed);
        assertThat(streamed.chunks()).allSatisfy(chunk -> assertThat(chunk.id()).isEqualTo(whole.id()));
        return streamed;
    }

    @Test
    void theV1ApiGetsTheDeploymentAsModelAndTheKeyAsApiKey() throws Exception {
        wholeAndStreamed("azure", V1_CHAT);

        List<Received> received = UPSTREAM.received();
        assertThat(received).hasSize(2).allSatisfy(request -> {
            assertThat(request.uri()).isEqualTo(V1_CHAT);
            assertThat(request.headers()).containsEntry("api-key", AZURE_KEY).doesNotContainKey("Authorization");
            assertThat(Json.parse(request.body()).get("model").asText()).isEqualTo(DEPLOYMENT);
        });
        assertThat(Json.parse(received.get(1).body()).path("stream_options").path("include_usage").asBoolean()).isTrue();
    }

    /**
     * One test for the token's whole life (msal4j refreshes a token within 5 minutes of its expiry, so a 303-second
     * token is fresh for 3 seconds): fetched once and reused, fetched anew once expired, and a refused secret is the
     * gateway's 502 upstream_auth_failed. Neither token nor secret reaches the log.
     */
    @Test
    void entraTokensAreFetchedOnceReusedAndRefreshedAfterExpiry(CapturedOutput output) throws Exception {
        ENTRA.expiresIn(303);
        Thread.sleep(3_100); // whatever token an earlier test left in msal4j's cache is stale now
        int before = ENTRA.tokenRequests().size();

        wholeAndStreamed("azure-entra", VERSIONED_CHAT);

        assertThat(ENTRA.tokenRequests()).as("one token for both attempts").hasSize(before + 1);
        String first = ENTRA.issued().get(ENTRA.issued().size() - 1);
        Map<String, String> form = ENTRA.tokenRequests().get(before);
        assertThat(form).containsEntry("grant_type", "client_credentials").containsEntry("client_id", AZURE_CLIENT_ID)
                .containsEntry("client_secret", AZURE_CLIENT_SECRET);
        assertThat(form.get("scope")).contains("https://cognitiveservices.azure.com/.default");
        assertThat(UPSTREAM.received()).hasSize(2).allSatisfy(request -> {
            assertThat(request.uri()).isEqualTo(VERSIONED_CHAT + "?api-version=" + AZURE_API_VERSION);
            assertThat(request.headers()).containsEntry("Authorization", "Bearer " + first).doesNotContainKey("api-key");
        });

        Thread.sleep(3_200); // now within msal4j's refresh margin
        UPSTREAM.enqueue(VERSIONED_CHAT, Reply.json(200, fixture("chat-basic", "upstream-response.json")));
        openAi().chat().completions().create(params("azure-entra"));
        assertThat(ENTRA.tokenRequests()).as("a new token after expiry").hasSize(before + 2);
        String second = ENTRA.issued().get(ENTRA.issued().size() - 1);
        assertThat(second).isNotEqualTo(first);
        assertThat(UPSTREAM.lastRequest().headers()).containsEntry("Authorization", "Bearer " + second);

        Thread.sleep(3_200);
        ENTRA.refuseNext();
        HttpResponse<String> refused = post("/v1/chat/completions", "application/json", chat("azure-entra/" + DEPLOYMENT, false));
        JsonNode error = assertError(refused, 502, "upstream_auth_failed");
        assertThat(error.get("message").asText()).contains("azure-entra");
        assertThat(UPSTREAM.received()).as("no call without a credential").hasSize(3);

        for (String token : ENTRA.issued()) {
            KeyLeaks.assertNoPartIn(token, "the log", output.getAll());
            KeyLeaks.assertNoPartIn(token, "the error", refused.body());
        }
        KeyLeaks.assertNoPartIn(AZURE_CLIENT_SECRET, "the log", output.getAll());
        KeyLeaks.assertNoKeyIn("the log", output.getAll());
        assertThat(output.getAll()).contains("no Entra ID token");
    }

    @Test
    void aPromptBlockedByTheContentFilterIsA400NamingTheCategories() throws Exception {
        JsonNode upstream = Json.parse(fixture("content-filter-400", "upstream-error.json"));
        UPSTREAM.enqueue(V1_CHAT, Reply.json(400, Json.write(upstream.get("body"))));

        HttpResponse<String> response = post("/v1/chat/completions", "application/json", chat("azure/" + DEPLOYMENT, false));

        JsonNode error = assertError(response, 400, "content_filter");
        assertThat(error.get("message").asText()).contains("hate: high").contains("violence: medium")
                .doesNotContain("self_harm");
        KeyLeaks.assertNoKeyIn(response);
    }

    @Test
    void aContentFilterFinishReasonPassesThroughWholeAndStreamed() throws Exception {
        UPSTREAM.enqueue(V1_CHAT, Reply.sse(List.of())
                .withRawSse(fixture("chat-streaming-content-filter-finish", "upstream-response.sse")));

        Completions.Streamed streamed = Completions.stream(openAi(), params("azure"));

        assertThat(streamed.rebuilt().choices().get(0).finishReason().asString()).isEqualTo("content_filter");
        assertThat(streamed.rebuilt().choices().get(0).message().content()).contains("Bon");
    }

    @Test
    void throttlingIsA429WithTheUpstreamRetryAfter() throws Exception {
        JsonNode upstream = Json.parse(fixture("rate-limit-429", "upstream-error.json"));
        UPSTREAM.enqueue(V1_CHAT, Reply.json(429, Json.write(upstream.get("body")), Map.of("Retry-After", "7")));

        HttpResponse<String> response = post("/v1/chat/completions", "application/json", chat("azure/" + DEPLOYMENT, false));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(429);
        JsonNode error = Json.parse(response.body()).get("error");
        assertThat(error.get("type").asText()).isEqualTo("rate_limit_error");
        assertThat(error.get("message").asText()).startsWith("azure: Requests to the ChatCompletions_Create Operation");
        assertThat(response.headers().firstValue("Retry-After")).hasValue("7");
    }

    @Test
    void embeddingsUseBothUrlForms() throws Exception {
        String answer = Fixtures.read("openai", "embeddings-basic", "upstream-response.json");
        UPSTREAM.enqueue("/azure/openai/v1/embeddings", Reply.json(200, answer));
        UPSTREAM.enqueue("/azure-entra/openai/deployments/embed-small/embeddings", Reply.json(200, answer));
        String body = "{\"model\":\"%s/embed-small\",\"input\":\"The food was delicious.\"}";

        HttpResponse<String> v1 = post("/v1/embeddings", "application/json", body.formatted("azure"));
        HttpResponse<String> versioned = post("/v1/embeddings", "application/json", body.formatted("azure-entra"));

        assertThat(v1.statusCode()).as(v1.body()).isEqualTo(200);
        assertThat(versioned.statusCode()).as(versioned.body()).isEqualTo(200);
        assertThat(Json.parse(v1.body()).get("data")).isEqualTo(Json.parse(answer).get("data"));
        List<Received> received = UPSTREAM.received();
        assertThat(received.get(0).uri()).isEqualTo("/azure/openai/v1/embeddings");
        assertThat(received.get(0).headers()).containsEntry("api-key", AZURE_KEY);
        assertThat(Json.parse(received.get(0).body()).get("model").asText()).isEqualTo("embed-small");
        assertThat(received.get(1).uri()).isEqualTo("/azure-entra/openai/deployments/embed-small/embeddings?api-version="
                + AZURE_API_VERSION);
        assertThat(received.get(1).headers().get("Authorization")).startsWith("Bearer ");
    }

    @Test
    void responsesGoToTheV1ApiAndAreTranslatedForApiVersionDeployments() throws Exception {
        String id = "resp_" + java.util.UUID.randomUUID().toString().replace("-", "");
        UPSTREAM.enqueue("/azure/openai/v1/responses", Reply.json(200, Fixtures.read("responses-upstream", "openai",
                "text.json").replace("{{id}}", id).replace("{{model}}", DEPLOYMENT)));
        UPSTREAM.enqueue(VERSIONED_CHAT, Reply.json(200, fixture("chat-basic", "upstream-response.json")));
        String body = "{\"model\":\"%s/" + DEPLOYMENT + "\",\"input\":\"Say hello in French.\",\"store\":false}";

        HttpResponse<String> v1 = post("/v1/responses", "application/json", body.formatted("azure"));
        HttpResponse<String> translated = post("/v1/responses", "application/json", body.formatted("azure-entra"));

        assertThat(v1.statusCode()).as(v1.body()).isEqualTo(200);
        assertThat(Json.parse(v1.body()).get("id").asText()).isEqualTo(id);
        assertThat(translated.statusCode()).as(translated.body()).isEqualTo(200);
        assertThat(translated.body()).contains("Bonjour !");
        List<Received> received = UPSTREAM.received();
        assertThat(received.get(0).uri()).isEqualTo("/azure/openai/v1/responses");
        assertThat(received.get(0).headers()).containsEntry("api-key", AZURE_KEY);
        assertThat(received.get(1).uri()).isEqualTo(VERSIONED_CHAT + "?api-version=" + AZURE_API_VERSION);
    }

    @Test
    void aDeploymentNameThatWouldAlterThePathIsA400() throws Exception {
        HttpResponse<String> response = post("/v1/chat/completions", "application/json", chat("azure-entra/a..b", false));

        assertError(response, 400, "invalid_value");
        assertThat(UPSTREAM.received()).isEmpty();
    }
}
