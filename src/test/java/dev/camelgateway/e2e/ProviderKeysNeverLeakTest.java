package dev.camelgateway.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelgateway.api.Json;
import dev.camelgateway.support.FakeUpstream.Reply;
import dev.camelgateway.support.Fixtures;
import dev.camelgateway.support.GatewayTestSupport;
import dev.camelgateway.usage.LedgerRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.camelgateway.secrets.SecretRedactor.MASK;
import static dev.camelgateway.support.KeyLeaks.assertNoKeyIn;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The key given in the environment (openai) and the key given in a file (anthropic) go upstream, and nowhere else:
 * not into a response body or header, the ledger, or a log line, whatever part of them the upstream echoes and
 * wherever it puts it. Every test captures the whole console output of the gateway while it runs.
 */
@ExtendWith(OutputCaptureExtension.class)
class ProviderKeysNeverLeakTest extends GatewayTestSupport {
    private static final String OPENAI = "openai/gpt-4o-mini";
    private static final String ANTHROPIC = "anthropic/claude-sonnet-4-5";

    @Autowired
    private LedgerRepository ledger;

    @Test
    void theEnvironmentKeyAndTheFileKeyAreSentUpstreamAsEachProviderExpects(CapturedOutput output) {
        UPSTREAM.enqueue(OPENAI_PATH, Reply.json(200, Fixtures.read("openai", "chat-basic", "upstream-response.json")));
        UPSTREAM.enqueue(ANTHROPIC_PATH, Reply.json(200, Fixtures.read("anthropic", "chat-basic", "upstream-response.json")));

        assertThat(send(OPENAI, false).statusCode()).isEqualTo(200);
        assertThat(UPSTREAM.lastRequest().headers()).containsEntry("Authorization", "Bearer " + OPENAI_KEY);
        assertThat(send(ANTHROPIC, false).statusCode()).isEqualTo(200);
        assertThat(UPSTREAM.lastRequest().headers()).as("the file's content without its trailing whitespace")
                .containsEntry("x-api-key", ANTHROPIC_KEY);
        assertNoKeyIn("the log", output.getAll());
    }

    @Test
    void anUpstream401EchoingTheKeyInMessageTypeAndCodeIsMaskedForTheClientTheLedgerAndTheWarnLine(CapturedOutput output)
            throws Exception {
        UPSTREAM.enqueue(OPENAI_PATH, Reply.json(401, "{\"error\":{\"message\":\"Incorrect API key provided: " + OPENAI_KEY
                + ".\",\"type\":\"invalid_key_" + OPENAI_KEY.substring(0, 12) + "\",\"param\":null,\"code\":\"" + OPENAI_KEY + "\"}}"));
        UPSTREAM.enqueue(ANTHROPIC_PATH, Reply.json(401, "{\"type\":\"error\",\"error\":{\"type\":\"" + ANTHROPIC_KEY
                + "\",\"message\":\"invalid x-api-key " + ANTHROPIC_KEY + "\"}}"));

        // the client is told the gateway's credential was refused (502), never the provider's text about it
        HttpResponse<String> openAi = send(OPENAI, false);
        assertThat(openAi.statusCode()).isEqualTo(502);
        JsonNode openAiError = Json.parse(openAi.body()).get("error");
        assertThat(openAiError.get("message").asText()).isEqualTo("The gateway's credential for provider openai was refused.");
        assertThat(openAiError.get("code").asText()).isEqualTo("upstream_auth_failed");
        assertNoKeyIn(openAi);
        assertThat(ledgerErrorCode(openAi)).isEqualTo(MASK);

        HttpResponse<String> anthropic = send(ANTHROPIC, false);
        assertThat(anthropic.statusCode()).isEqualTo(502);
        assertThat(Json.parse(anthropic.body()).get("error").get("code").asText()).isEqualTo("upstream_auth_failed");
        assertNoKeyIn(anthropic);
        assertThat(ledgerErrorCode(anthropic)).isEqualTo(MASK);

        // the operator's warn line keeps the provider's reason, masked
        assertThat(output.getAll()).contains("openai refused the gateway's credentials with 401")
                .contains("openai: Incorrect API key provided: " + MASK + ".")
                .contains("anthropic refused the gateway's credentials with 401")
                .contains("anthropic: invalid x-api-key " + MASK);
        assertNoKeyIn("the log", output.getAll());
    }

    @Test
    void anUpstream400EchoingTheKeyInParamIsMasked(CapturedOutput output) throws Exception {
        UPSTREAM.enqueue(OPENAI_PATH, Reply.json(400, "{\"error\":{\"message\":\"Invalid value.\",\"type\":\"invalid_request_error\","
                + "\"param\":\"" + OPENAI_KEY + "\",\"code\":\"invalid_value\"}}"));
        UPSTREAM.enqueue(ANTHROPIC_PATH, Reply.json(400, "{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\","
                + "\"message\":\"messages.0: unexpected '" + ANTHROPIC_KEY + "'\"}}"));

        HttpResponse<String> openAi = send(OPENAI, false);
        assertThat(openAi.statusCode()).isEqualTo(400);
        assertThat(Json.parse(openAi.body()).get("error").get("param").asText()).isEqualTo(MASK);
        assertNoKeyIn(openAi);
        HttpResponse<String> anthropic = send(ANTHROPIC, false);
        assertThat(Json.parse(anthropic.body()).get("error").get("message").asText())
                .isEqualTo("anthropic: messages.0: unexpected '" + MASK + "'");
        assertNoKeyIn(anthropic);
        assertNoKeyIn("the log", output.getAll());
    }

    @Test
    void anUpstreamEchoingOnlyATenCharacterPrefixOfTheKeyIsMasked(CapturedOutput output) throws Exception {
        UPSTREAM.enqueue(OPENAI_PATH, Reply.json(401, "{\"error\":{\"message\":\"Incorrect API key provided: "
                + OPENAI_KEY.substring(0, 10) + "****" + OPENAI_KEY.substring(OPENAI_KEY.length() - 4) + ".\",\"code\":\"invalid_api_key\"}}"));
        UPSTREAM.enqueue(ANTHROPIC_PATH, Reply.json(401, "{\"type\":\"error\",\"error\":{\"type\":\"authentication_error\","
                + "\"message\":\"invalid x-api-key " + ANTHROPIC_KEY.substring(0, 10) + "...\"}}"));

        HttpResponse<String> openAi = send(OPENAI, false);
        assertNoKeyIn(openAi);
        HttpResponse<String> anthropic = send(ANTHROPIC, false);
        assertNoKeyIn(anthropic);
        // a refused key reaches only the operator's warn line (the client gets upstream_auth_failed): masked there
        assertThat(output.getAll()).contains("openai: Incorrect API key provided: "
                + MASK + "****" + OPENAI_KEY.substring(OPENAI_KEY.length() - 4) + ".")
                .contains("anthropic: invalid x-api-key " + MASK + "...");
        assertNoKeyIn("the log", output.getAll());
    }

    @Test
    void anInStreamErrorEventEchoingTheKeyAfterSomeContentIsMasked(CapturedOutput output) {
        List<String> openAiEvents = new ArrayList<>(Fixtures.ssePayloads("openai", "chat-basic", "upstream-response.sse").subList(0, 2));
        openAiEvents.add("{\"error\":{\"message\":\"Key " + OPENAI_KEY + " was revoked\",\"type\":\"server_error\",\"code\":\""
                + OPENAI_KEY.substring(5, 20) + "\"}}");
        UPSTREAM.enqueue(OPENAI_PATH, Reply.sse(openAiEvents));
        UPSTREAM.enqueue(ANTHROPIC_PATH, Reply.sse(List.of()).withRawSse(Fixtures.read("anthropic", "t10-overloaded-mid-stream",
                "upstream-response.sse").replace("\"message\":\"Overloaded\"", "\"message\":\"Overloaded for " + ANTHROPIC_KEY + "\"")));
        UPSTREAM.enqueue(GEMINI_STREAM_PATH, Reply.sse(List.of()).withRawSse(Fixtures.read("gemini", "stream-error-chunk",
                "upstream-response.sse").replace("Please try again later.", "Key " + GEMINI_KEY + " is throttled.")));

        for (String model : List.of(OPENAI, ANTHROPIC, "gemini/gemini-2.5-flash")) {
            HttpResponse<String> response = send(model, true);
            String[] events = response.body().split("\n\n");
            assertThat(events[0]).as("content came first").startsWith("data: {\"id\"");
            assertThat(events[events.length - 1]).startsWith("data: {\"error\":").contains(MASK);
            assertThat(response.body()).doesNotContain("[DONE]");
            assertNoKeyIn(response);
        }
        assertNoKeyIn("the log", output.getAll());
    }

    @Test
    void aServerErrorWhoseBodyEchoesTheKeyIsMaskedAfterTheRetries(CapturedOutput output) throws Exception {
        for (int attempt = 0; attempt < 3; attempt++) { // retry.max-attempts: 3
            UPSTREAM.enqueue(OPENAI_PATH, Reply.json(500, "upstream crashed while checking key " + OPENAI_KEY));
            UPSTREAM.enqueue(ANTHROPIC_PATH, Reply.json(500, "{\"type\":\"error\",\"error\":{\"type\":\"api_error\","
                    + "\"message\":\"Internal error for " + ANTHROPIC_KEY + "\"}}"));
        }

        for (String model : List.of(OPENAI, ANTHROPIC)) {
            HttpResponse<String> response = send(model, false);
            assertThat(response.statusCode()).isEqualTo(502);
            assertThat(Json.parse(response.body()).get("error").get("message").asText()).endsWith(MASK);
            assertNoKeyIn(response);
        }
        assertNoKeyIn("the log", output.getAll());
    }

    @Test
    void aRetryAfterHeaderEchoingTheKeyIsMasked(CapturedOutput output) {
        for (int attempt = 0; attempt < 3; attempt++) { // not a wait the gateway understands: backoff, then the 429
            UPSTREAM.enqueue(OPENAI_PATH, Reply.json(429, "{\"error\":{\"message\":\"Slow down\",\"code\":\"rate_limit_exceeded\"}}",
                    Map.of("Retry-After", OPENAI_KEY)));
        }

        HttpResponse<String> response = send(OPENAI, false);

        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("Retry-After")).hasValue(MASK);
        assertNoKeyIn(response);
        assertNoKeyIn("the log", output.getAll());
    }

    private static HttpResponse<String> send(String model, boolean stream) {
        return post("/v1/chat/completions", "application/json", chat(model, stream));
    }

    /** The ledger row's error_code, once the usage route has written it. */
    private String ledgerErrorCode(HttpResponse<String> response) throws InterruptedException {
        String requestId = response.headers().firstValue("x-request-id").orElseThrow();
        for (int i = 0; i < 100; i++) {
            List<Map<String, Object>> rows = ledger.attemptsOf(requestId);
            if (!rows.isEmpty()) {
                return (String) rows.get(0).get("error_code");
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no ledger row for " + requestId);
    }
}
