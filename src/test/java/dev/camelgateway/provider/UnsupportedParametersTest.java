package dev.camelgateway.provider;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelgateway.api.ChatRequest;
import dev.camelgateway.api.ChatRequestValidator;
import dev.camelgateway.api.GatewayException;
import dev.camelgateway.api.Json;
import dev.camelgateway.provider.anthropic.AnthropicAdapter;
import dev.camelgateway.provider.bedrock.BedrockAdapter;
import dev.camelgateway.provider.gemini.GeminiAdapter;
import dev.camelgateway.routing.GatewayProperties;
import dev.camelgateway.routing.Target;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The policy of issue 3 for the translating providers: a 400 that names parameter and provider, or — when configured — dropped. */
class UnsupportedParametersTest {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "anthropic | logit_bias         | {\"1\":2}",
            "anthropic | seed               | 7",
            "anthropic | presence_penalty   | 0.5",
            "anthropic | logprobs           | true",
            "anthropic | store              | true",
            "gemini    | logit_bias         | {\"1\":2}",
            "gemini    | service_tier       | \"auto\"",
            "gemini    | logprobs           | true",
            "gemini    | parallel_tool_calls| false",
            "gemini    | metadata           | {\"a\":\"b\"}",
            "bedrock   | logprobs           | true",
            "bedrock   | seed               | 7",
            "bedrock   | response_format    | {\"type\":\"json_object\"}",
            "bedrock   | parallel_tool_calls| false",
            "bedrock   | user               | \"u1\"",
    })
    void refusedByDefaultDroppedWhenConfigured(String provider, String param, String value) throws Exception {
        ChatRequest request = ChatRequestValidator.validate((ObjectNode) Json.parse("{\"model\":\"m\",\"messages\":"
                + "[{\"role\":\"user\",\"content\":\"hi\"}],\"" + param + "\":" + value + "}"));

        assertThatThrownBy(() -> adapter(provider, false).toUpstreamRequest(request, target(provider)))
                .isInstanceOfSatisfying(GatewayException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.error().code()).isEqualTo("unsupported_parameter");
                    assertThat(e.error().param()).isEqualTo(param);
                    assertThat(e.getMessage()).contains("'" + param + "'", "'" + provider + "'");
                });
        String body = new String(adapter(provider, true).toUpstreamRequest(request, target(provider)).body());
        assertThat(body).doesNotContain("\"" + param + "\":").doesNotContain("\"u1\"");
    }

    private static ProviderAdapter adapter(String provider, boolean drop) {
        GatewayProperties properties = new GatewayProperties();
        properties.setDropUnsupportedParams(drop);
        return switch (provider) {
            case "anthropic" -> new AnthropicAdapter(properties, Clock.systemUTC());
            case "bedrock" -> new BedrockAdapter(properties, Clock.systemUTC());
            default -> new GeminiAdapter(properties, Clock.systemUTC());
        };
    }

    private static Target target(String provider) {
        GatewayProperties.Provider config = new GatewayProperties.Provider();
        config.setType(provider);
        config.setBaseUrl("http://" + provider + ".test");
        config.setApiKey("k");
        return new Target(provider, config, "m");
    }
}
