package dev.camelgateway.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.openai.models.ReasoningEffort;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionContentPart;
import com.openai.models.chat.completions.ChatCompletionContentPartText;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.camelgateway.api.Json;
import dev.camelgateway.support.Completions;
import dev.camelgateway.support.FakeGoogleTokenEndpoint;
import dev.camelgateway.support.FakeUpstream.Received;
import dev.camelgateway.support.FakeUpstream.Reply;
import dev.camelgateway.support.Fixtures;
import dev.camelgateway.support.GatewayTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Gemini and Claude on Vertex AI through the running gateway: the official OpenAI Java SDK as the client, the
 * {@code vertex} deployments pointed at the fake upstream, and their service accounts' tokens obtained from a fake of
 * Google's OAuth token endpoint (JWT bearer grant, signature checked) by google-auth-library itself.
 */
@ExtendWith(OutputCaptureExtension.class)
class VertexEndToEndTest extends GatewayTestSupport {
    private static final String GEMINI = VERTEX_PREFIX + "google/models/gemini-2.5-flash";
    private static final String CLAUDE_MODEL = "claude-sonnet-4-5@20250929";
    private static final String CLAUDE = VERTEX_PREFIX + "anthropic/models/" + CLAUDE_MODEL;
    private static final String PDF_BASE64 = "JVBERi0xLjQKJcfsj6IKMSAwIG9iago8PD4+CmVuZG9iagp0cmFpbGVyCjw8Pj4KJSVFT0YK";

    @Test
    void geminiOnVertexWholeAndStreamedAtVertexUrlsWithTheBearerToken() throws Exception {
        UPSTREAM.enqueue(GEMINI + ":generateContent", Reply.json(200, Fixtures.read("gemini", "chat-basic", "upstream-response.json")));
        UPSTREAM.enqueue(GEMINI + ":streamGenerateContent",
                Reply.sse(List.of()).withRawSse(Fixtures.read("gemini", "chat-basic", "upstream-response.sse")));
        ChatCompletionCreateParams params = hello("vertex/gemini-2.5-flash");

        ChatCompletion whole = openAi().chat().completions().create(params);
        Received wholeCall = UPSTREAM.lastRequest();
        Completions.assertSameCompletion(whole, Completions.stream(openAi(), params));
        Received streamCall = UPSTREAM.lastRequest();

        assertThat(wholeCall.uri()).isEqualTo(GEMINI + ":generateContent");
        assertThat(streamCall.uri()).isEqualTo(GEMINI + ":streamGenerateContent?alt=sse");
        for (Received call : List.of(wholeCall, streamCall)) {
            assertThat(call.headers()).containsEntry("authorization", "Bearer " + lastTokenOf(VERTEX_ACCOUNT))
                    .doesNotContainKey("x-goog-api-key");
            JsonNode body = Json.parse(call.body());
            assertThat(body.path("contents")).isNotEmpty().allSatisfy(c -> assertThat(c.path("role").asText()).isEqualTo("user"));
            assertThat(body.has("model")).isFalse();
        }
        assertThat(GOOGLE_OAUTH.issuedTo(VERTEX_ACCOUNT)).last().satisfies(issued -> {
            assertThat(issued.scope()).isEqualTo("https://www.googleapis.com/auth/cloud-platform");
            assertThat(issued.audience()).isEqualTo("https://oauth2.googleapis.com/token"); // the library's, whatever token_uri says
        });
    }

    @Test
    void claudeOnVertexWholeAndStreamedThroughRawPredictWithoutModelAndWithTheVertexVersion() throws Exception {
        UPSTREAM.enqueue(CLAUDE + ":rawPredict", Reply.json(200, Fixtures.read("anthropic", "chat-basic", "upstream-response.json")));
        UPSTREAM.enqueue(CLAUDE + ":streamRawPredict",
                Reply.sse(List.of()).withRawSse(Fixtures.read("anthropic", "chat-basic", "upstream-response.sse")));
        ChatCompletionCreateParams params = hello("vertex/" + CLAUDE_MODEL);

        ChatCompletion whole = openAi().chat().completions().create(params);
        Received wholeCall = UPSTREAM.lastRequest();
        Completions.assertSameCompletion(whole, Completions.stream(openAi(), params));
        Received streamCall = UPSTREAM.lastRequest();

        assertThat(whole.choices().get(0).message().content()).hasValueSatisfying(t -> assertThat(t).startsWith("Bonjour!"));
        assertThat(wholeCall.uri()).isEqualTo(CLAUDE + ":rawPredict");
        assertThat(streamCall.uri()).isEqualTo(CLAUDE + ":streamRawPredict");
        for (Received call : List.of(wholeCall, streamCall)) {
            assertThat(call.headers()).containsEntry("authorization", "Bearer " + lastTokenOf(VERTEX_ACCOUNT))
                    .doesNotContainKeys("x-api-key", "anthropic-version");
            JsonNode body = Json.parse(call.body());
            assertThat(body.has("model")).isFalse();
            assertThat(body.path("anthropic_version").asText()).isEqualTo("vertex-2023-10-16");
            assertThat(body.path("messages").get(0).path("role").asText()).isEqualTo("user");
        }
        assertThat(Json.parse(streamCall.body()).path("stream").asBoolean()).isTrue();
        assertThat(Json.parse(wholeCall.body()).has("stream")).isFalse();
    }

    @Test
    void aFreshTokenIsReusedForSeveralRequests() throws Exception {
        for (int i = 0; i < 3; i++) {
            UPSTREAM.enqueue(GEMINI + ":generateContent", Reply.json(200, Fixtures.read("gemini", "chat-basic", "upstream-response.json")));
        }
        openAi().chat().completions().create(hello("vertex/gemini-2.5-flash")); // the token of the hour, if not yet fetched
        int issuedBefore = GOOGLE_OAUTH.issuedTo(VERTEX_ACCOUNT).size();

        openAi().chat().completions().create(hello("vertex/gemini-2.5-flash"));
        openAi().chat().completions().create(hello("vertex/gemini-2.5-flash"));

        assertThat(GOOGLE_OAUTH.issuedTo(VERTEX_ACCOUNT)).hasSize(issuedBefore).isNotEmpty();
        List<String> sent = UPSTREAM.received().stream().filter(r -> r.uri().startsWith(GEMINI))
                .map(r -> r.headers().get("authorization")).toList();
        assertThat(sent).hasSize(3).containsOnly("Bearer " + lastTokenOf(VERTEX_ACCOUNT));
    }

    /** vertex-brief's tokens last 60 s: inside the library's 3-minute expiration margin, so each use refreshes first. */
    @Test
    void aTokenAboutToExpireIsRefreshedBeforeTheNextRequest() throws Exception {
        String path = VERTEX_BRIEF_PREFIX + "google/models/gemini-2.5-flash:generateContent";
        UPSTREAM.enqueue(path, Reply.json(200, Fixtures.read("gemini", "chat-basic", "upstream-response.json")));
        UPSTREAM.enqueue(path, Reply.json(200, Fixtures.read("gemini", "chat-basic", "upstream-response.json")));
        int issuedBefore = GOOGLE_OAUTH.issuedTo(VERTEX_BRIEF_ACCOUNT).size();

        openAi().chat().completions().create(hello("vertex-brief/gemini-2.5-flash"));
        String first = UPSTREAM.lastRequest().headers().get("authorization");
        openAi().chat().completions().create(hello("vertex-brief/gemini-2.5-flash"));
        String second = UPSTREAM.lastRequest().headers().get("authorization");

        List<FakeGoogleTokenEndpoint.Issued> issued = GOOGLE_OAUTH.issuedTo(VERTEX_BRIEF_ACCOUNT);
        assertThat(issued).hasSize(issuedBefore + 2);
        assertThat(first).isEqualTo("Bearer " + issued.get(issuedBefore).token());
        assertThat(second).isEqualTo("Bearer " + issued.get(issuedBefore + 1).token()).isNotEqualTo(first);
        assertThat(UPSTREAM.lastRequest().uri()).isEqualTo(path);
    }

    @Test
    void aTokenGoogleRefusesIsAnUpstreamAuthenticationErrorAndNothingIsSent() throws Exception {
        int before = UPSTREAM.received().size();
        GOOGLE_OAUTH.revoke(VERTEX_BRIEF_ACCOUNT);
        try {
            assertThatThrownBy(() -> openAi().chat().completions().create(hello("vertex-brief/gemini-2.5-flash")))
                    .isInstanceOfSatisfying(com.openai.errors.InternalServerException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(502);
                        assertThat(e.code()).hasValue("upstream_auth_failed");
                        assertThat(e.getMessage()).contains("vertex-brief: Google did not grant an access token")
                                .doesNotContain("ya29.").doesNotContain("PRIVATE KEY");
                    });
        } finally {
            GOOGLE_OAUTH.restore(VERTEX_BRIEF_ACCOUNT);
        }
        assertThat(UPSTREAM.received()).hasSize(before);
    }

    /** A token Google refuses is the gateway's credential refused: the alias's fallback answers (on-failure default). */
    @Test
    void aRefusedTokenGoesToTheFallback() {
        UPSTREAM.enqueue(ANTHROPIC_PATH, Reply.json(200, Fixtures.read("anthropic", "chat-basic", "upstream-response.json")));
        GOOGLE_OAUTH.revoke(VERTEX_BRIEF_ACCOUNT);
        try {
            var answer = openAi().chat().completions().create(hello("brief-or-claude"));
            assertThat(answer.model()).isEqualTo("claude-sonnet-4-5");
        } finally {
            GOOGLE_OAUTH.restore(VERTEX_BRIEF_ACCOUNT);
        }
        assertThat(UPSTREAM.received()).extracting(r -> r.uri()).containsExactly(ANTHROPIC_PATH);
    }

    @Test
    void noLogLineHoldsATokenOrThePrivateKey(CapturedOutput output) throws Exception {
        UPSTREAM.enqueue(GEMINI + ":generateContent", Reply.json(200, Fixtures.read("gemini", "chat-basic", "upstream-response.json")));
        UPSTREAM.enqueue(VERTEX_BRIEF_PREFIX + "google/models/gemini-2.5-flash:generateContent",
                Reply.json(200, Fixtures.read("gemini", "chat-basic", "upstream-response.json")));
        openAi().chat().completions().create(hello("vertex/gemini-2.5-flash"));
        openAi().chat().completions().create(hello("vertex-brief/gemini-2.5-flash"));
        GOOGLE_OAUTH.revoke(VERTEX_BRIEF_ACCOUNT);
        try {
            assertThatThrownBy(() -> openAi().chat().completions().create(hello("vertex-brief/gemini-2.5-flash")))
                    .isInstanceOf(com.openai.errors.InternalServerException.class);
        } finally {
            GOOGLE_OAUTH.restore(VERTEX_BRIEF_ACCOUNT);
        }

        String log = output.getAll();
        assertThat(log).contains("vertex-brief: no Google access token"); // the failure is logged, without secrets
        assertThat(GOOGLE_OAUTH.issued()).isNotEmpty().allSatisfy(i -> assertThat(log).doesNotContain(i.token()));
        for (FakeGoogleTokenEndpoint.Account account : List.of(VERTEX_ACCOUNT, VERTEX_BRIEF_ACCOUNT)) {
            String keyLine = account.privateKeyPem().lines().skip(5).findFirst().orElseThrow();
            assertThat(log).doesNotContain(keyLine).doesNotContain("BEGIN PRIVATE KEY");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"gemini-2.5-flash", CLAUDE_MODEL})
    void reasoningEffortAndAPdfFilePartReachTheModelAsItsOwnMapperMapsThem(String model) throws Exception {
        boolean claude = model.startsWith("claude-");
        String url = claude ? CLAUDE + ":rawPredict" : GEMINI + ":generateContent";
        UPSTREAM.enqueue(url, Reply.json(200, Fixtures.read(claude ? "anthropic" : "gemini", "chat-basic", "upstream-response.json")));

        openAi().chat().completions().create(ChatCompletionCreateParams.builder().model("vertex/" + model)
                .reasoningEffort(ReasoningEffort.LOW)
                .addUserMessageOfArrayOfContentParts(List.of(
                        ChatCompletionContentPart.ofText(ChatCompletionContentPartText.builder().text("Summarise this.").build()),
                        ChatCompletionContentPart.ofFile(ChatCompletionContentPart.File.builder().file(
                                ChatCompletionContentPart.File.FileObject.builder().filename("report.pdf")
                                        .fileData("data:application/pdf;base64," + PDF_BASE64).build()).build())))
                .build());

        JsonNode body = Json.parse(UPSTREAM.lastRequest().body());
        assertThat(UPSTREAM.lastRequest().uri()).isEqualTo(url);
        if (claude) {
            assertThat(body.path("thinking").path("type").asText()).isEqualTo("enabled");
            assertThat(body.path("thinking").path("budget_tokens").asInt()).isPositive();
            assertThat(body.path("messages").get(0).path("content").get(1)).isEqualTo(Json.parse(
                    "{\"type\":\"document\",\"source\":{\"type\":\"base64\",\"media_type\":\"application/pdf\",\"data\":\""
                            + PDF_BASE64 + "\"},\"title\":\"report.pdf\"}"));
        } else {
            assertThat(body.path("generationConfig").path("thinkingConfig").path("thinkingBudget").asInt()).isPositive();
            assertThat(body.path("contents").get(0).path("parts").get(1)).isEqualTo(Json.parse(
                    "{\"inlineData\":{\"mimeType\":\"application/pdf\",\"data\":\"" + PDF_BASE64 + "\"}}"));
        }
    }

    private static ChatCompletionCreateParams hello(String model) {
        return ChatCompletionCreateParams.builder().model(model).addUserMessage("Bonjour?").build();
    }

    private static String lastTokenOf(FakeGoogleTokenEndpoint.Account account) {
        List<FakeGoogleTokenEndpoint.Issued> issued = GOOGLE_OAUTH.issuedTo(account);
        assertThat(issued).as("tokens issued to " + account.email()).isNotEmpty();
        return issued.get(issued.size() - 1).token();
    }
}
