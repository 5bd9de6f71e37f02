package dev.camelgateway.provider.gemini;

import dev.camelgateway.api.ClientRequest;
import dev.camelgateway.api.GatewayException;
import dev.camelgateway.provider.MappedResponse;
import dev.camelgateway.provider.UnsupportedParameters;
import dev.camelgateway.provider.UpstreamRequest;
import dev.camelgateway.provider.WholeAnswerBinding;
import dev.camelgateway.routing.Target;

import java.util.Map;

/** Embeddings on a Gemini deployment: {@code batchEmbedContents}, its answer in OpenAI's shape; errors as for chat. */
final class GeminiEmbeddingsBinding implements WholeAnswerBinding {
    private final boolean dropUnsupported;

    GeminiEmbeddingsBinding(boolean dropUnsupported) {
        this.dropUnsupported = dropUnsupported;
    }

    @Override
    public UpstreamRequest toUpstreamRequest(ClientRequest request, Target target) {
        return GeminiEmbeddingsRequestMapper.toUpstreamRequest(request, target,
                new UnsupportedParameters(target.providerId(), dropUnsupported));
    }

    @Override
    public MappedResponse toAnswer(byte[] upstreamBody, ClientRequest request, Target target) {
        return GeminiEmbeddingsResponseMapper.toEmbeddings(upstreamBody, request, target);
    }

    @Override
    public GatewayException toGatewayException(String providerId, int status, String body, Map<String, String> headers) {
        return GeminiErrorMapper.toGatewayException(providerId, status, body);
    }
}
