package dev.camelgateway.provider.mistral;

import dev.camelgateway.api.ClientRequest;
import dev.camelgateway.api.GatewayException;
import dev.camelgateway.provider.MappedResponse;
import dev.camelgateway.provider.UnsupportedParameters;
import dev.camelgateway.provider.UpstreamRequest;
import dev.camelgateway.provider.WholeAnswerBinding;
import dev.camelgateway.provider.openai.OpenAiErrorMapper;
import dev.camelgateway.routing.Target;

import java.util.Map;

/** Embeddings on a Mistral deployment: Mistral's own embeddings endpoint, its answer in OpenAI's shape. */
final class MistralEmbeddingsBinding implements WholeAnswerBinding {
    private final boolean dropUnsupported;

    MistralEmbeddingsBinding(boolean dropUnsupported) {
        this.dropUnsupported = dropUnsupported;
    }

    @Override
    public UpstreamRequest toUpstreamRequest(ClientRequest request, Target target) {
        return MistralEmbeddingsRequestMapper.toUpstreamRequest(request, target,
                new UnsupportedParameters(target.providerId(), dropUnsupported));
    }

    @Override
    public MappedResponse toAnswer(byte[] upstreamBody, ClientRequest request, Target target) {
        return MistralEmbeddingsResponseMapper.toEmbeddings(upstreamBody, request, target);
    }

    @Override
    public GatewayException toGatewayException(String providerId, int status, String body, Map<String, String> headers) {
        return OpenAiErrorMapper.toGatewayException(providerId, status, body, headers);
    }
}
