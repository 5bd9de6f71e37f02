package dev.camelgateway.provider.vertex;

import dev.camelgateway.api.ClientRequest;
import dev.camelgateway.api.GatewayException;
import dev.camelgateway.api.Json;
import dev.camelgateway.api.messages.AnthropicHeaders;
import dev.camelgateway.provider.ApiBinding;
import dev.camelgateway.provider.MappedResponse;
import dev.camelgateway.provider.UpstreamRequest;
import dev.camelgateway.provider.anthropic.AnthropicPassthrough;
import dev.camelgateway.routing.Target;
import dev.camelgateway.stream.ClientStream;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Anthropic Messages clients ({@code /v1/messages}) passed through to Claude on Vertex AI: the body as the client sent
 * it without {@code model} (in the URL) and with {@code anthropic_version: vertex-2023-10-16}, the client's
 * {@code anthropic-beta} flags but the dropped ones, the deployment's bearer token; {@code rawPredict}, or
 * {@code streamRawPredict} for a stream. Answers, events and errors are Anthropic's, handled by the anthropic type's
 * own binding. A Gemini model on the deployment is served through the Chat Completions translation instead.
 */
final class VertexMessagesBinding implements ApiBinding {
    private final ApiBinding anthropicMessages;
    private final VertexCredentials credentials;

    VertexMessagesBinding(ApiBinding anthropicMessages, VertexCredentials credentials) {
        this.anthropicMessages = anthropicMessages;
        this.credentials = credentials;
    }

    @Override
    public boolean serves(Target target) {
        return VertexPublisher.of(target.upstreamModel()) == VertexPublisher.ANTHROPIC;
    }

    @Override
    public UpstreamRequest toUpstreamRequest(ClientRequest request, Target target) {
        var body = VertexRequestMapper.toClaudeOnVertex(request.body().deepCopy());
        String url = VertexRequestMapper.modelUrl(target, VertexPublisher.ANTHROPIC)
                + (request.stream() ? ":streamRawPredict" : ":rawPredict");
        Map<String, String> headers = new LinkedHashMap<>();
        String betas = AnthropicPassthrough.kept(request.forwardHeaders().get(AnthropicHeaders.BETA),
                target.provider().getAnthropicBetaDrop());
        if (!betas.isEmpty()) {
            headers.put(AnthropicHeaders.BETA, betas);
        }
        headers.put("Authorization", credentials.authorization(target.providerId()));
        return new UpstreamRequest(url, headers, Json.bytes(body));
    }

    @Override
    public MappedResponse toAnswer(byte[] upstreamBody, ClientRequest request, Target target) {
        return anthropicMessages.toAnswer(upstreamBody, request, target);
    }

    @Override
    public ClientStream newStream(ClientRequest request, Target target) {
        return anthropicMessages.newStream(request, target);
    }

    @Override
    public GatewayException toGatewayException(String providerId, int status, String body, Map<String, String> headers) {
        return anthropicMessages.toGatewayException(providerId, status, body, headers);
    }
}
