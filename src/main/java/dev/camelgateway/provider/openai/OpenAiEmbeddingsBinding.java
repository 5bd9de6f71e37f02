package dev.camelgateway.provider.openai;

import dev.camelgateway.api.ClientRequest;
import dev.camelgateway.api.GatewayException;
import dev.camelgateway.provider.MappedResponse;
import dev.camelgateway.provider.UpstreamRequest;
import dev.camelgateway.provider.WholeAnswerBinding;
import dev.camelgateway.routing.Target;

import java.util.Map;

/**
 * Embeddings on an OpenAI-type deployment: passthrough. The answer's bytes go back untouched (floats or base64, as
 * the upstream made them); only their usage is read. Errors as for chat. Its URL and credentials: the
 * {@link OpenAiEndpoint} given (OpenAI's own, or a cloud's).
 */
public final class OpenAiEmbeddingsBinding implements WholeAnswerBinding {
    private final OpenAiEndpoint endpoint;

    public OpenAiEmbeddingsBinding(OpenAiEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    @Override
    public UpstreamRequest toUpstreamRequest(ClientRequest request, Target target) {
        return OpenAiEmbeddingsRequestMapper.toUpstreamRequest(request, target, endpoint);
    }

    @Override
    public boolean serves(Target target) {
        return endpoint.serves(target, OpenAiEmbeddingsRequestMapper.EMBEDDINGS);
    }

    @Override
    public MappedResponse toAnswer(byte[] upstreamBody, ClientRequest request, Target target) {
        return new MappedResponse(upstreamBody, OpenAiEmbeddingsUsage.toUsage(upstreamBody));
    }

    @Override
    public GatewayException toGatewayException(String providerId, int status, String body, Map<String, String> headers) {
        return OpenAiErrorMapper.toGatewayException(providerId, status, body, headers);
    }
}
