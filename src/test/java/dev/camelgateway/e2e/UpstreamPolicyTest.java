package dev.camelgateway.e2e;

import dev.camelgateway.resilience.ProviderInfrastructure;
import dev.camelgateway.support.FakeUpstream.Reply;
import dev.camelgateway.support.Fixtures;
import dev.camelgateway.support.GatewayTestSupport;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the gateway does with an upstream's answer beyond retrying it: how long a whole answer may take, what a
 * refused gateway key becomes, and which outcomes the provider's breaker counts. The primary is {@code ollama}
 * (first-event 1.5 s, response 3 s, 2 attempts); {@code resilient} falls back to anthropic.
 */
class UpstreamPolicyTest extends GatewayTestSupport {
    private static final String OK_JSON = Fixtures.read("openai", "chat-basic", "upstream-response.json");
    private static final String INCORRECT_KEY = "{\"error\":{\"message\":\"Incorrect API key provided: sk-proj-****abcd.\","
            + "\"type\":\"invalid_request_error\",\"code\":\"invalid_api_key\"}}";

    @Autowired
    ProviderInfrastructure infrastructure;

    @Test
    void aWholeAnswerSlowerThanFirstEventButWithinResponseIsOneAttempt() {
        UPSTREAM.enqueue(OLLAMA_PATH, Reply.json(200, OK_JSON).headersAfter(2000));

        HttpResponse<String> response = post("/v1/chat/completions", "application/json", chat("ollama/llama3", false));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("Hello there! How can I help?");
        assertThat(UPSTREAM.received()).hasSize(1);
        assertThat(response.headers().firstValue("x-gateway-attempts")).hasValue("1");
    }

    @Test
    void aRefusedGatewayKeyFallsBackToTheNextProvider() {
        UPSTREAM.enqueue(OLLAMA_PATH, Reply.json(401, INCORRECT_KEY));
        UPSTREAM.enqueue(ANTHROPIC_PATH, Reply.json(200, Fixtures.read("anthropic", "chat-basic", "upstream-response.json")));

        HttpResponse<String> response = post("/v1/chat/completions", "application/json", chat("resilient", false));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("claude-sonnet-4-5");
        assertThat(response.headers().firstValue("x-gateway-provider")).hasValue("anthropic");
        assertThat(UPSTREAM.received()).as("401 is not retried on the same provider").hasSize(2);
    }

    @Test
    void aRefusedGatewayKeyWithoutFallbackSaysTheGatewaysCredentialWasRefused() {
        UPSTREAM.enqueue(OLLAMA_PATH, Reply.json(403, INCORRECT_KEY));

        HttpResponse<String> response = post("/v1/chat/completions", "application/json", chat("ollama/llama3", false));

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.body()).contains("upstream_auth_failed")
                .contains("The gateway's credential for provider ollama was refused.")
                .doesNotContain("Incorrect API key").doesNotContain("invalid_api_key");
    }

    @Test
    void theBreakerCountsNeitherClientErrorsNorRateLimitsButCountsServerErrors() {
        CircuitBreaker breaker = infrastructure.breakers().circuitBreaker("ollama");
        UPSTREAM.enqueue(OLLAMA_PATH, Reply.json(400, "{\"error\":{\"message\":\"bad\",\"type\":\"invalid_request_error\"}}"));
        UPSTREAM.enqueue(OLLAMA_PATH, Reply.json(429, "{\"error\":{\"message\":\"slow down\",\"type\":\"requests\"}}"));
        UPSTREAM.enqueue(OLLAMA_PATH, Reply.json(429, "{\"error\":{\"message\":\"slow down\",\"type\":\"requests\"}}"));

        assertThat(post("/v1/chat/completions", "application/json", chat("ollama/llama3", false)).statusCode()).isEqualTo(400);
        assertThat(post("/v1/chat/completions", "application/json", chat("ollama/llama3", false)).statusCode()).isEqualTo(429);
        assertThat(breaker.getMetrics().getNumberOfBufferedCalls()).as("a 400 and two 429s are not calls of the breaker")
                .isZero();

        UPSTREAM.enqueue(OLLAMA_PATH, Reply.json(503, "{\"error\":{\"message\":\"down\",\"type\":\"server_error\"}}"));
        UPSTREAM.enqueue(OLLAMA_PATH, Reply.json(200, OK_JSON));
        assertThat(post("/v1/chat/completions", "application/json", chat("ollama/llama3", false)).statusCode()).isEqualTo(200);
        assertThat(breaker.getMetrics().getNumberOfBufferedCalls()).isEqualTo(2);
        assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isEqualTo(1);
    }

}
