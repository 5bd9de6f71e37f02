package dev.camelgateway.provider.mistral;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelgateway.api.ChatRequest;
import dev.camelgateway.api.GatewayException;
import dev.camelgateway.provider.ApiBinding;
import dev.camelgateway.provider.MappedResponse;
import dev.camelgateway.provider.ProviderAdapter;
import dev.camelgateway.provider.StreamMapper;
import dev.camelgateway.provider.UnsupportedParameters;
import dev.camelgateway.provider.UpstreamRequest;
import dev.camelgateway.provider.openai.OpenAiErrorMapper;
import dev.camelgateway.routing.GatewayProperties;
import dev.camelgateway.routing.Target;
import org.springframework.stereotype.Component;

import java.util.Map;

/** {@code type: mistral} — La Plateforme chat completions: OpenAI-shaped, but strict about fields and tool-call ids. */
@Component
public class MistralAdapter implements ProviderAdapter {
    private final boolean dropUnsupported;
    private final ApiBinding embeddings;

    public MistralAdapter(GatewayProperties properties) {
        this.dropUnsupported = properties.isDropUnsupportedParams();
        this.embeddings = new MistralEmbeddingsBinding(dropUnsupported);
    }

    /** Mistral continues a final assistant message marked {@code prefix: true} (and refuses one without it). */
    @Override
    public boolean prefillByDefault(String upstreamModel) {
        return true;
    }

    @Override
    public void markPrefill(ObjectNode assistantMessage) {
        assistantMessage.put("prefix", true);
    }

    @Override
    public String type() {
        return "mistral";
    }

    @Override
    public UpstreamRequest toUpstreamRequest(ChatRequest request, Target target) {
        return MistralRequestMapper.toUpstreamRequest(request, target,
                new UnsupportedParameters(target.providerId(), dropUnsupported));
    }

    @Override
    public MappedResponse toChatCompletion(byte[] upstreamBody, ChatRequest request, Target target) {
        return MistralResponseMapper.toChatCompletion(upstreamBody);
    }

    @Override
    public StreamMapper newStreamMapper(ChatRequest request, Target target) {
        return new MistralStreamMapper(request.includeUsage());
    }

    @Override
    public GatewayException toGatewayException(String providerId, int status, String body, Map<String, String> headers) {
        return OpenAiErrorMapper.toGatewayException(providerId, status, body, headers);
    }

    @Override
    public ApiBinding binding(String api) {
        return "embeddings".equals(api) ? embeddings : null;
    }
}
