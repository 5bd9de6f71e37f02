package dev.camelgateway.provider.openai;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelgateway.api.ClientRequest;
import dev.camelgateway.api.Json;
import dev.camelgateway.provider.UpstreamRequest;
import dev.camelgateway.routing.Target;

/**
 * Embeddings passthrough to OpenAI-type upstreams ({@code POST {base-url}/embeddings}): the client's body unchanged
 * except {@code model}, unknown fields kept, as for chat ({@link OpenAiRequestMapper}).
 */
public final class OpenAiEmbeddingsRequestMapper {
    private OpenAiEmbeddingsRequestMapper() {
    }

    public static final String EMBEDDINGS = "/embeddings";

    public static UpstreamRequest toUpstreamRequest(ClientRequest request, Target target, OpenAiEndpoint endpoint) {
        ObjectNode body = request.body().deepCopy();
        body.put("model", target.upstreamModel());
        return new UpstreamRequest(endpoint.url(target, EMBEDDINGS), endpoint.headers(target), Json.bytes(body));
    }

    /** {@code base-url} includes {@code /v1}, as in the official SDKs (Mistral's too). */
    public static String embeddingsUrl(Target target) {
        return target.provider().endpoint(EMBEDDINGS);
    }
}
