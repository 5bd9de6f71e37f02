package dev.camelgateway.provider.gemini;

import dev.camelgateway.api.ChatRequest;
import dev.camelgateway.api.GatewayException;
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

/** {@code type: gemini} — the Gemini API ({@code {base-url}/v1beta/models/{model}:generateContent}). */
@Component
public class GeminiAdapter implements ProviderAdapter {
    private final boolean dropUnsupported;
    private final Clock clock;
    private final ApiBinding embeddings;

    public GeminiAdapter(GatewayProperties properties, Clock clock) {
        this.dropUnsupported = properties.isDropUnsupportedParams();
        this.clock = clock;
        this.embeddings = new GeminiEmbeddingsBinding(dropUnsupported);
    }

    @Override
    public String type() {
        return "gemini";
    }

    @Override
    public UpstreamRequest toUpstreamRequest(ChatRequest request, Target target) {
        return GeminiRequestMapper.toUpstreamRequest(request, target,
                new UnsupportedParameters(target.providerId(), dropUnsupported));
    }

    @Override
    public MappedResponse toChatCompletion(byte[] upstreamBody, ChatRequest request, Target target) {
        return GeminiResponseMapper.toChatCompletion(upstreamBody, target.upstreamModel(), now());
    }

    @Override
    public StreamMapper newStreamMapper(ChatRequest request, Target target) {
        return new GeminiStreamMapper(request.includeUsage(), target.upstreamModel(), now());
    }

    @Override
    public GatewayException toGatewayException(String providerId, int status, String body, Map<String, String> headers) {
        return GeminiErrorMapper.toGatewayException(providerId, status, body);
    }

    @Override
    public ApiBinding binding(String api) {
        return "embeddings".equals(api) ? embeddings : null;
    }

    @Override
    public void checkModel(String upstreamModel) {
        GeminiRequestMapper.checkModel(upstreamModel);
    }

    private long now() {
        return clock.instant().getEpochSecond();
    }
}
