package dev.camelgateway.e2e;

import com.anthropic.errors.BadRequestException;
import com.anthropic.errors.RateLimitException;
import com.anthropic.errors.UnauthorizedException;
import com.anthropic.models.messages.MessageCountTokensParams;
import com.anthropic.models.messages.MessageCreateParams;
import com.fasterxml.jackson.databind.JsonNode;
import dev.camelgateway.support.AnthropicClients;
import dev.camelgateway.support.RawHttp;
import dev.camelgateway.support.TestKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every error on /v1/messages* is Anthropic's envelope, {@code {"type":"error","error":{"type","message"},"request_id"}},
 * its type following the status as Anthropic's does: the key check's 401, the body guard's refusals (made before any
 * route runs), validation, model rights, rate limits. Token counting is free: a key out of requests still counts.
 */
class MessagesErrorsEndToEndTest extends MessagesTestSupport {
    private static final String HI = "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]";

    @Test
    void withoutAValidKeyA401AuthenticationError() {
        assertThatThrownBy(() -> AnthropicClients.withKey(gatewayUrl(""), "sk-gw-wrong-0000000000000000").messages()
                .create(MessageCreateParams.builder().model("demo").maxTokens(10).addUserMessage("hi").build()))
                .isInstanceOfSatisfying(UnauthorizedException.class,
                        e -> assertThat(json(e.body()).path("error").path("type").asText()).isEqualTo("authentication_error"));

        HttpResponse<String> refused = send(HttpRequest.newBuilder(URI.create(gatewayUrl("/v1/messages")))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build());

        assertThat(refused.statusCode()).isEqualTo(401);
        assertEnvelope(refused.body(), "authentication_error", refused.headers().firstValue("x-request-id").orElseThrow());
        assertThat(refused.body()).contains("Missing gateway key");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v1/messages", "/v1/messages/count_tokens"})
    void theBodyGuardsRefusalsAreAnthropicsEnvelope(String path) throws Exception {
        HttpResponse<String> text = send(HttpRequest.newBuilder(URI.create(gatewayUrl(path))).header("x-api-key", GATEWAY_KEY)
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("hi")).build());
        assertThat(text.statusCode()).isEqualTo(415);
        assertEnvelope(text.body(), "invalid_request_error", text.headers().firstValue("x-request-id").orElseThrow());

        byte[] notUtf8 = ("{\"model\":\"demo\",\"max_tokens\":5," + HI.replace("hi", "h\u00e9") + "}").getBytes(StandardCharsets.ISO_8859_1);
        HttpResponse<String> latin1 = send(HttpRequest.newBuilder(URI.create(gatewayUrl(path))).header("x-api-key", GATEWAY_KEY)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(notUtf8)).build());
        assertThat(latin1.statusCode()).isEqualTo(400);
        assertEnvelope(latin1.body(), "invalid_request_error", latin1.headers().firstValue("x-request-id").orElseThrow());

        try (RawHttp http = new RawHttp(URI.create(gatewayUrl("")).getPort())) {
            http.write("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nx-api-key: "
                    + GATEWAY_KEY + "\r\nContent-Length: " + (64L * 1024 * 1024) + "\r\n\r\n");
            RawHttp.Response tooLarge = http.read();
            assertThat(tooLarge.status()).isEqualTo(413);
            assertEnvelope(tooLarge.body(), "request_too_large", tooLarge.headers().get("x-request-id"));
        }
        HttpResponse<String> chat = post("/v1/chat/completions", "text/plain", "hi");
        assertThat(json(chat.body()).path("error").path("code").asText()).as("Chat Completions keeps OpenAI's")
                .isEqualTo("unsupported_media_type");
    }

    @Test
    void aWrongFieldIsA400ThatNamesIt() {
        HttpResponse<String> refused = messages("{\"model\":\"demo\"," + HI + "}", Map.of());

        assertThat(refused.statusCode()).isEqualTo(400);
        assertEnvelope(refused.body(), "invalid_request_error", refused.headers().firstValue("x-request-id").orElseThrow());
        assertThat(json(refused.body()).path("error").path("message").asText()).contains("'max_tokens'");
        assertThat(messages("{\"model\":\"demo\",\"max_tokens\":5,\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":"
                + "\"image\",\"source\":{\"type\":\"base64\"}}]}]}", Map.of()).body()).contains("messages[0].content[0].source.media_type");
        HttpResponse<String> get = send(HttpRequest.newBuilder(URI.create(gatewayUrl("/v1/messages"))).header("x-api-key", GATEWAY_KEY)
                .GET().build());
        assertThat(get.statusCode()).isEqualTo(405);
        assertEnvelope(get.body(), "invalid_request_error", get.headers().firstValue("x-request-id").orElseThrow());
    }

    @Test
    void aServerToolForADeploymentWithoutAnthropicsApiIsA400NamingItsType() {
        assertThatThrownBy(() -> anthropic().messages().create(MessageCreateParams.builder().model("openai/gpt-4o-mini")
                .maxTokens(10).addUserMessage("News?").addTool(com.anthropic.models.messages.WebSearchTool20250305.builder().build())
                .build()))
                .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(json(e.body()).path("error").path("message")
                        .asText()).contains("web_search_20250305").contains("tools[0].type"));
        assertThat(UPSTREAM.received()).as("refused before any upstream call").isEmpty();

        HttpResponse<String> unknown = messages("{\"model\":\"nope/x\",\"max_tokens\":5," + HI + "}", Map.of());
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertEnvelope(unknown.body(), "not_found_error", unknown.headers().firstValue("x-request-id").orElseThrow());
        HttpResponse<String> batches = send(HttpRequest.newBuilder(URI.create(gatewayUrl("/v1/messages/batches")))
                .header("x-api-key", GATEWAY_KEY).GET().build());
        assertThat(batches.statusCode()).as("a path the gateway does not serve").isEqualTo(404);
        assertEnvelope(batches.body(), "not_found_error", batches.headers().firstValue("x-request-id").orElseThrow());
    }

    @Test
    void overTheKeysRateLimitA429RateLimitErrorForMessagesAndForCounts() {
        String request = "{\"model\":\"demo\",\"max_tokens\":20," + HI + "}";
        HttpResponse<String> first = keyed(TestKeys.MESSAGES_RPM_KEY, "/v1/messages", request);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(json(first.body()).path("type").asText()).isEqualTo("message");

        HttpResponse<String> refused = keyed(TestKeys.MESSAGES_RPM_KEY, "/v1/messages", request);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertEnvelope(refused.body(), "rate_limit_error", refused.headers().firstValue("x-request-id").orElseThrow());
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThatThrownBy(() -> AnthropicClients.withKey(gatewayUrl(""), TestKeys.MESSAGES_RPM_KEY).messages()
                .create(MessageCreateParams.builder().model("demo").maxTokens(20).addUserMessage("hi").build()))
                .isInstanceOf(RateLimitException.class);

        // a count uses no tokens, but it is a request: one key's counting must not exhaust the provider's rate limit
        HttpResponse<String> counted = keyed(TestKeys.MESSAGES_RPM_KEY, "/v1/messages/count_tokens", "{\"model\":\"demo\"," + HI + "}");
        assertThat(counted.statusCode()).as(counted.body()).isEqualTo(429);
        assertEnvelope(counted.body(), "rate_limit_error", counted.headers().firstValue("x-request-id").orElseThrow());
    }

    @Test
    void countingReservesNoTokensAgainstABudget() {
        HttpResponse<String> message = keyed(TestKeys.ONE_TOKEN_KEY, "/v1/messages", "{\"model\":\"demo\",\"max_tokens\":20," + HI + "}");
        assertThat(message.statusCode()).as("a message needs more than the key's one token").isEqualTo(429);
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> counted = keyed(TestKeys.ONE_TOKEN_KEY, "/v1/messages/count_tokens", "{\"model\":\"demo\"," + HI + "}");
            assertThat(counted.statusCode()).as(counted.body()).isEqualTo(200);
        }
    }

    @Test
    void otherDeploymentsCountTokensWithTheGatewaysEstimateAndTheKeysModelRightsApply() {
        long short_ = anthropic().messages().countTokens(MessageCountTokensParams.builder().model("openai/gpt-4o-mini")
                .addUserMessage("hi").build()).inputTokens();
        long longer = anthropic().messages().countTokens(MessageCountTokensParams.builder().model("openai/gpt-4o-mini")
                .system("You are a helpful assistant who answers in French.").addUserMessage("Tell me about Paris in spring.")
                .build()).inputTokens();
        assertThat(short_).isPositive();
        assertThat(longer).isGreaterThan(short_ + 10);

        HttpResponse<String> raw = post("/v1/messages/count_tokens", "application/json", "{\"model\":\"openai/gpt-4o-mini\"," + HI + "}");
        assertThat(raw.headers().firstValue("x-gateway-token-count")).hasValue("estimated");
        assertThat(json(raw.body()).get("input_tokens").asLong()).isEqualTo(short_);
        assertThat(UPSTREAM.received()).as("counted here, no upstream call").isEmpty();

        HttpResponse<String> forbidden = keyed(TestKeys.RESTRICTED_KEY, "/v1/messages/count_tokens", "{\"model\":\"openai/gpt-4o\"," + HI + "}");
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertEnvelope(forbidden.body(), "permission_error", forbidden.headers().firstValue("x-request-id").orElseThrow());
    }

    private static HttpResponse<String> keyed(String key, String path, String body) {
        return send(HttpRequest.newBuilder(URI.create(gatewayUrl(path))).header("x-api-key", key)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** Anthropic's envelope exactly: type, error {type, message}, request_id (the gateway's x-request-id). */
    private static void assertEnvelope(String body, String type, String requestId) {
        JsonNode envelope = json(body);
        assertThat(envelope.get("type").asText()).isEqualTo("error");
        assertThat(envelope.get("error").get("type").asText()).isEqualTo(type);
        assertThat(envelope.get("error").get("message").asText()).isNotBlank();
        assertThat(envelope.get("request_id").asText()).isEqualTo(requestId);
        assertThat(envelope.size()).isEqualTo(3);
        assertThat(envelope.get("error").size()).isEqualTo(2);
    }
}
