package dev.camelgateway.provider.vertex;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelgateway.api.ChatRequest;
import dev.camelgateway.api.Json;
import dev.camelgateway.provider.UnsupportedParameters;
import dev.camelgateway.provider.UpstreamRequest;
import dev.camelgateway.provider.anthropic.AnthropicRequestMapper;
import dev.camelgateway.provider.gemini.GeminiRequestMapper;
import dev.camelgateway.routing.Target;

import java.util.Map;
import java.util.function.Supplier;

/**
 * OpenAI → Vertex AI: the Gemini or Anthropic body as their own mappers build it, at Vertex's URL
 * ({@code {base-url}/v1/projects/{project}/locations/{location}/publishers/{publisher}/models/{model}:{method}}) with
 * an OAuth bearer token. Claude's body loses {@code model} (it is in the URL) and gains
 * {@code anthropic_version: vertex-2023-10-16} (instead of the {@code anthropic-version} header), as
 * https://docs.anthropic.com/en/api/claude-on-vertex-ai says.
 */
final class VertexRequestMapper {
    static final String ANTHROPIC_VERSION = "vertex-2023-10-16";

    private VertexRequestMapper() {
    }

    /**
     * {@code authorization}: the {@code Bearer …} value of this attempt's access token, asked for once the body is
     * mapped (a request refused here needs no token).
     */
    static UpstreamRequest toUpstreamRequest(ChatRequest request, Target target, UnsupportedParameters policy,
                                             Supplier<String> authorization) {
        VertexPublisher publisher = VertexPublisher.of(target.upstreamModel());
        ObjectNode body;
        String method;
        if (publisher == VertexPublisher.ANTHROPIC) {
            body = toClaudeOnVertex(AnthropicRequestMapper.toAnthropicRequest(request, target, policy));
            method = request.stream() ? ":streamRawPredict" : ":rawPredict";
        } else {
            body = GeminiRequestMapper.toGeminiRequest(request, policy);
            method = request.stream() ? ":streamGenerateContent?alt=sse" : ":generateContent";
        }
        return new UpstreamRequest(modelUrl(target, publisher) + method, Map.of("Authorization", authorization.get()),
                Json.bytes(body));
    }

    /** An Anthropic Messages body (the mapper's own, or a client's copy) → Claude on Vertex's: no model, a version. */
    static ObjectNode toClaudeOnVertex(ObjectNode messages) {
        messages.remove("model");
        messages.put("anthropic_version", ANTHROPIC_VERSION);
        return messages;
    }

    /** The model's resource URL, without the method; the model was checked by {@link VertexPublisher#checkModel}. */
    static String modelUrl(Target target, VertexPublisher publisher) {
        var vertex = target.provider().getVertex();
        return target.provider().endpoint("/v1/projects/" + vertex.getProject() + "/locations/" + vertex.getLocation()
                + "/publishers/" + publisher.path() + "/models/" + target.upstreamModel());
    }
}
