package dev.camelgateway.keys;

import com.fasterxml.jackson.databind.JsonNode;
import com.openai.errors.UnauthorizedException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.camelgateway.support.FakeUpstream.Received;
import dev.camelgateway.support.FakeUpstream.Reply;
import dev.camelgateway.support.Fixtures;
import dev.camelgateway.support.GatewayTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.stream.Stream;

import static dev.camelgateway.support.KeyLeaks.assertNoPartIn;
import static dev.camelgateway.support.OpenAiErrors.assertError;
import static dev.camelgateway.support.TestKeys.DISABLED_KEY;
import static dev.camelgateway.support.TestKeys.EXPIRED_AT;
import static dev.camelgateway.support.TestKeys.EXPIRED_KEY;
import static dev.camelgateway.support.TestKeys.TEAM;
import static dev.camelgateway.support.TestKeys.TEAM_KEY;
import static dev.camelgateway.support.TestKeys.TEAM_NAME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Who may call the chat APIs (the keys of {@link dev.camelgateway.support.TestKeys}): a valid key in any of the three
 * headers the SDKs send passes; every other caller gets 401 invalid_api_key in OpenAI's envelope, saying why, before
 * anything reaches an upstream, and without a part of what it sent in the answer or the log.
 */
@ExtendWith(OutputCaptureExtension.class)
class KeyAuthenticationTest extends GatewayTestSupport {
    private static final String CHAT = "/v1/chat/completions";
    private static final String UNKNOWN_KEY = "sk-gw-nope-Qm3Zt8Wd1Kx6Lr4Hv9Ny2Bc7";
    private static final String OK_JSON = Fixtures.read("openai", "chat-basic", "upstream-response.json");

    @Autowired
    private KeyRegistry registry;

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of("no key", null, null, "Missing gateway key: send it as 'Authorization: Bearer <key>'"),
                Arguments.of("operator credentials", "Authorization", basic(OPERATOR_USER, OPERATOR_PASSWORD),
                        "Missing gateway key"),
                Arguments.of("unknown key", "Authorization", "Bearer " + UNKNOWN_KEY, "Incorrect gateway key provided."),
                Arguments.of("unknown key in x-api-key", "x-api-key", UNKNOWN_KEY, "Incorrect gateway key provided."),
                Arguments.of("a provider's key", "Authorization", "Bearer " + OPENAI_KEY, "Incorrect gateway key provided."),
                Arguments.of("disabled key", "Authorization", "Bearer " + DISABLED_KEY,
                        "The gateway key 'disabled' is disabled."),
                Arguments.of("expired key", "x-goog-api-key", EXPIRED_KEY,
                        "The gateway key 'expired' expired at " + EXPIRED_AT + "."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void aCallerWithoutAValidKeyIs401SayingWhy(String name, String header, String value, String why, CapturedOutput output) {
        HttpResponse<String> response = send(chat(header, value, chat("openai/gpt-4o-mini", false)));

        JsonNode error = assertError(response, 401, "invalid_api_key", null);
        assertThat(error.get("message").asText()).startsWith(why);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"gateway\"");
        assertThat(UPSTREAM.received()).as("nothing reached an upstream").isEmpty();
        if (value != null) {
            String secret = value.replaceFirst("^(Bearer|Basic) ", "");
            assertNoPartIn(secret, "the response", response.body() + response.headers().map());
            assertNoPartIn(secret, "the log", output.getAll());
        }
    }

    /** Refused before the body is read: a stream request gets the same JSON error, not an event stream. */
    @Test
    void aStreamWithoutAKeyIs401AsJsonNotAStream() {
        HttpResponse<String> response = send(chat(null, null, chat("demo", true)));

        assertError(response, 401, "invalid_api_key", null);
        assertThat(response.body()).doesNotContain("data:");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/v1/models", "/v1/models/demo", "/v1/models/openai/gpt-4o-mini"})
    void theModelsNeedAKeyToo(String path) {
        HttpResponse<String> refused = send(HttpRequest.newBuilder(URI.create(gatewayUrl(path))).GET().build());
        assertError(refused, 401, "invalid_api_key", null);

        HttpResponse<String> answered = send(keyed(HttpRequest.newBuilder(URI.create(gatewayUrl(path)))).GET().build());
        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
    }

    /** OpenAI's SDKs send Authorization: Bearer, Anthropic's x-api-key, Google's x-goog-api-key; none goes upstream. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Authorization: Bearer ", "authorization: bearer ", "x-api-key: ", "x-goog-api-key: "})
    void aValidKeyPassesInEachHeaderAnSdkSendsAndNeverGoesUpstream(String headerAndPrefix) {
        UPSTREAM.enqueue(OPENAI_PATH, Reply.json(200, OK_JSON));
        String header = headerAndPrefix.substring(0, headerAndPrefix.indexOf(':'));
        String prefix = headerAndPrefix.substring(headerAndPrefix.indexOf(':') + 2);

        HttpResponse<String> response = send(chat(header, prefix + GATEWAY_KEY, chat("openai/gpt-4o-mini", false)));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Received upstream = UPSTREAM.lastRequest();
        assertThat(upstream.headers()).containsEntry("Authorization", "Bearer " + OPENAI_KEY)
                .doesNotContainKeys("x-api-key", "x-goog-api-key");
        assertNoPartIn(GATEWAY_KEY, "the upstream request", upstream.headers() + upstream.body());
    }

    /** Key team-member: its secret from a file (with the newline a secret file ends with), its team from the config. */
    @Test
    void aKeyFromASecretFilePassesAndBelongsToItsTeam() {
        HttpResponse<String> response = send(chat("Authorization", "Bearer " + TEAM_KEY, chat("demo", false)));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        GatewayKey key = registry.bySecret(TEAM_KEY);
        assertThat(key.id()).isEqualTo("team-member");
        assertThat(key.team()).isEqualTo(TEAM);
        assertThat(registry.team(TEAM).name()).isEqualTo(TEAM_NAME);
    }

    @Test
    void theOpenAiSdkWithTheGatewayKeyGetsACompletion() {
        ChatCompletion completion = openAi().chat().completions().create(ChatCompletionCreateParams.builder()
                .model("demo").addUserMessage("with a key").build());

        assertThat(completion.choices().get(0).message().content()).hasValueSatisfying(text ->
                assertThat(text).endsWith("\"with a key\""));
    }

    @Test
    void theOpenAiSdkWithAWrongKeyGetsItsUnauthorizedException() {
        ChatCompletionCreateParams params = ChatCompletionCreateParams.builder().model("demo").addUserMessage("x").build();

        assertThatThrownBy(() -> openAi(UNKNOWN_KEY).chat().completions().create(params))
                .isInstanceOfSatisfying(UnauthorizedException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(401);
                    assertThat(e.code()).hasValue("invalid_api_key");
                    assertThat(e.getMessage()).contains("Incorrect gateway key provided.").doesNotContain(UNKNOWN_KEY);
                });
        assertThatThrownBy(() -> openAi(UNKNOWN_KEY).models().list())
                .isInstanceOfSatisfying(UnauthorizedException.class, e -> assertThat(e.statusCode()).isEqualTo(401));
    }

    /** A chat request with the given key header (none when {@code header} is null). */
    private static HttpRequest chat(String header, String value, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gatewayUrl(CHAT)))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (header != null) {
            request.header(header, value);
        }
        return request.build();
    }
}
