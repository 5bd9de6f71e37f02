package dev.camelgateway.keys;

import com.fasterxml.jackson.databind.JsonNode;
import com.openai.errors.PermissionDeniedException;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.camelgateway.api.Json;
import dev.camelgateway.support.FakeUpstream.Reply;
import dev.camelgateway.support.Fixtures;
import dev.camelgateway.support.GatewayTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static dev.camelgateway.support.OpenAiErrors.assertError;
import static dev.camelgateway.support.TestKeys.CEILINGS_KEY;
import static dev.camelgateway.support.TestKeys.MAX_TOKENS;
import static dev.camelgateway.support.TestKeys.RESTRICTED_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What a valid key may ask for, once the model is known: key {@code restricted} only its models (403
 * model_not_allowed), key {@code ceilings} at most 2 choices and 100 tokens a request (400 above_key_limit), a ceiling
 * the upstream gets when the client names none. Refused before anything reaches an upstream.
 */
class KeyAuthorizationTest extends GatewayTestSupport {
    private static final String OK_JSON = Fixtures.read("openai", "chat-basic", "upstream-response.json");
    private static final String MESSAGES = "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]";

    /** A key limited to some models lists only those, and cannot look up the others (as OpenAI's project keys). */
    @Test
    void theModelListShowsWhatTheKeyMayCall() {
        HttpResponse<String> list = send(HttpRequest.newBuilder(URI.create(gatewayUrl("/v1/models")))
                .header("Authorization", "Bearer " + RESTRICTED_KEY).build());
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("\"id\":\"demo\"").contains("\"id\":\"east/").doesNotContain("\"id\":\"fast\"")
                .doesNotContain("\"id\":\"openai/");
        HttpResponse<String> all = send(keyed(HttpRequest.newBuilder(URI.create(gatewayUrl("/v1/models"))))
                .build());
        assertThat(all.body()).contains("\"id\":\"fast\"").contains("\"id\":\"openai/gpt-4o-mini\"");
        HttpResponse<String> hidden = send(HttpRequest.newBuilder(URI.create(gatewayUrl(
                "/v1/models/openai/gpt-4o-mini"))).header("Authorization", "Bearer " + RESTRICTED_KEY).build());
        assertThat(hidden.statusCode()).isEqualTo(404);
    }

    /** Key restricted: models [demo, "east/*"]. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"demo", "east/gpt-4o", "east/anything-east-serves"})
    void aRestrictedKeyCallsTheAliasesAndDeploymentsItLists(String model) {
        UPSTREAM.enqueue("/east/v1/chat/completions", Reply.json(200, OK_JSON));

        HttpResponse<String> response = send(RESTRICTED_KEY, "{\"model\":\"" + model + "\"," + MESSAGES + "}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    /** As the client names it: not the alias's own target, not an alias over a listed deployment, not another one. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"openai/gpt-4o-mini", "demo/echo", "balanced", "west/gpt-4o"})
    void aRestrictedKeyIs403ForAnyOtherModel(String model) {
        HttpResponse<String> response = send(RESTRICTED_KEY, "{\"model\":\"" + model + "\"," + MESSAGES + "}");

        JsonNode error = assertError(response, 403, "model_not_allowed", "model");
        assertThat(error.get("message").asText())
                .isEqualTo("The gateway key 'restricted' may not use the model '" + model + "'.");
        assertThat(UPSTREAM.received()).as("nothing reached an upstream").isEmpty();
    }

    @Test
    void theOpenAiSdkGetsItsPermissionDeniedException() {
        ChatCompletionCreateParams params = ChatCompletionCreateParams.builder().model("openai/gpt-4o-mini")
                .addUserMessage("x").build();

        assertThatThrownBy(() -> openAi(RESTRICTED_KEY).chat().completions().create(params))
                .isInstanceOfSatisfying(PermissionDeniedException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(403);
                    assertThat(e.code()).hasValue("model_not_allowed");
                });
    }

    /** Key ceilings: max-n 2, max-tokens 100. */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({"n, 3, 2", "max_tokens, 101, 100", "max_completion_tokens, 101, 100", "max_tokens, 100000, 100"})
    void aRequestAboveTheKeysCeilingIs400NamingTheParameter(String param, long asked, long ceiling) {
        HttpResponse<String> response = send(CEILINGS_KEY,
                "{\"model\":\"openai/gpt-4o-mini\",\"" + param + "\":" + asked + "," + MESSAGES + "}");

        JsonNode error = assertError(response, 400, "above_key_limit", param);
        assertThat(error.get("message").asText()).isEqualTo("'" + param + "' is " + asked + "; the gateway key 'ceilings' "
                + "allows at most " + ceiling + " per request.");
        assertThat(UPSTREAM.received()).as("nothing reached an upstream").isEmpty();
    }

    @Test
    void aRequestAtTheCeilingsGoesUpstreamAsSent() throws IOException {
        UPSTREAM.enqueue(OPENAI_PATH, Reply.json(200, OK_JSON));

        HttpResponse<String> response = send(CEILINGS_KEY,
                "{\"model\":\"openai/gpt-4o-mini\",\"n\":2,\"max_tokens\":100," + MESSAGES + "}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode upstream = Json.parse(UPSTREAM.lastRequest().body());
        assertThat(upstream.path("n").asInt()).isEqualTo(2);
        assertThat(upstream.path("max_tokens").asLong()).isEqualTo(100);
        assertThat(upstream.has("max_completion_tokens")).isFalse();
    }

    /** The ceiling holds whatever the client omits: the upstream is asked for at most that many tokens. */
    @Test
    void withoutAnyMaxTokensTheUpstreamGetsTheKeysCeiling() throws IOException {
        UPSTREAM.enqueue(OPENAI_PATH, Reply.json(200, OK_JSON));

        HttpResponse<String> response = send(CEILINGS_KEY, "{\"model\":\"openai/gpt-4o-mini\"," + MESSAGES + "}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode upstream = Json.parse(UPSTREAM.lastRequest().body());
        assertThat(upstream.path("max_completion_tokens").asLong()).isEqualTo(MAX_TOKENS);
        assertThat(upstream.has("max_tokens")).isFalse();
    }

    /** Anthropic requires max_tokens (default-max-tokens 4096): the key's ceiling replaces that default. */
    @Test
    void aTranslatedProviderGetsTheCeilingInItsOwnField() throws IOException {
        UPSTREAM.enqueue(ANTHROPIC_PATH, Reply.json(200, Fixtures.read("anthropic", "chat-basic", "upstream-response.json")));

        HttpResponse<String> response = send(CEILINGS_KEY, "{\"model\":\"anthropic/claude-sonnet-4-5\"," + MESSAGES + "}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(Json.parse(UPSTREAM.lastRequest().body()).path("max_tokens").asLong()).isEqualTo(MAX_TOKENS);
    }

    /** Key test has no ceiling: nothing is added to what the client sent. */
    @Test
    void aKeyWithoutCeilingsAddsNothing() throws IOException {
        UPSTREAM.enqueue(OPENAI_PATH, Reply.json(200, OK_JSON));

        HttpResponse<String> response = send(GATEWAY_KEY, "{\"model\":\"openai/gpt-4o-mini\",\"n\":5," + MESSAGES + "}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode upstream = Json.parse(UPSTREAM.lastRequest().body());
        assertThat(upstream.has("max_completion_tokens")).isFalse();
        assertThat(upstream.has("max_tokens")).isFalse();
    }

    private static HttpResponse<String> send(String key, String body) {
        return send(HttpRequest.newBuilder(URI.create(gatewayUrl("/v1/chat/completions")))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }
}
