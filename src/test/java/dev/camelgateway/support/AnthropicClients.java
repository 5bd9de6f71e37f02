package dev.camelgateway.support;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;

import java.time.Duration;

/** The official Anthropic Java SDK pointed at the gateway, as Claude Code's users point theirs, without client-side retries. */
public final class AnthropicClients {
    private AnthropicClients() {
    }

    /** @param gatewayRoot the gateway's URL without a path: the SDK appends /v1/messages itself */
    public static AnthropicClient withKey(String gatewayRoot, String apiKey) {
        return AnthropicOkHttpClient.builder().baseUrl(gatewayRoot).apiKey(apiKey).maxRetries(0)
                .timeout(Duration.ofSeconds(30)).build();
    }

    /** As ANTHROPIC_AUTH_TOKEN sends it: {@code Authorization: Bearer}. */
    public static AnthropicClient withAuthToken(String gatewayRoot, String token) {
        return AnthropicOkHttpClient.builder().baseUrl(gatewayRoot).authToken(token).maxRetries(0)
                .timeout(Duration.ofSeconds(30)).build();
    }
}
