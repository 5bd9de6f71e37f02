package dev.camelgateway.provider.anthropic;

import dev.camelgateway.api.ChatRequest;
import dev.camelgateway.api.GatewayException;
import dev.camelgateway.api.messages.CountTokensApi;
import dev.camelgateway.api.messages.MessagesApi;
import dev.camelgateway.provider.ApiBinding;
import dev.camelgateway.provider.MappedResponse;
import dev.camelgateway.provider.ProviderAdapter;
import dev.camelgateway.provider.StreamMapper;
import dev.camelgateway.provider.UnsupportedParameters;
import dev.camelgateway.provider.UpstreamRequest;
import dev.camelgateway.routing.GatewayProperties;
import dev.camelgateway.routing.Target;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.Map;

/**
 * {@code type: anthropic} — the Anthropic Messages API ({@code POST {base-url}/v1/messages}): Chat Completions
 * translated to it, and Anthropic's own API clients (/v1/messages, count_tokens) passed through.
 */
@Component
public class AnthropicAdapter implements ProviderAdapter {
    private final boolean dropUnsupported;
    private final Clock clock;
    private final ApiBinding messages = new AnthropicMessagesBinding();
    private final ApiBinding countTokens = new AnthropicCountTokensBinding();

    public AnthropicAdapter(GatewayProperties properties, Clock clock) {
        this.dropUnsupported = properties.isDropUnsupportedParams();
        this.clock = clock;
    }

    @Override
    public boolean prefillByDefault(String upstreamModel) {
        return ClaudePrefill.accepts(upstreamModel);
    }

    @Override
    public String type() {
        return "anthropic";
    }

    @Override
    public UpstreamRequest toUpstreamRequest(ChatRequest request, Target target) {
        return AnthropicRequestMapper.toUpstreamRequest(request, target,
                new UnsupportedParameters(target.providerId(), dropUnsupported));
    }

    @Override
    public MappedResponse toChatCompletion(byte[] upstreamBody, ChatRequest request, Target target) {
        return AnthropicResponseMapper.toChatCompletion(upstreamBody, AnthropicJsonMode.isRequested(request.body()), now());
    }

    @Override
    public StreamMapper newStreamMapper(ChatRequest request, Target target) {
        return new AnthropicStreamMapper(request.includeUsage(), AnthropicJsonMode.isRequested(request.body()), now());
    }

    /** Anthropic's own APIs, served as they are: Messages and token counting. */
    @Override
    public ApiBinding binding(String api) {
        return switch (api) {
            case MessagesApi.NAME -> messages;
            case CountTokensApi.NAME -> countTokens;
            default -> null;
        };
    }

    @Override
    public GatewayException toGatewayException(String providerId, int status, String body, Map<String, String> headers) {
        return AnthropicErrorMapper.toGatewayException(providerId, status, body, headers);
    }

    private long now() {
        return clock.instant().getEpochSecond();
    }
}
