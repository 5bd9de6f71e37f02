package dev.camelgateway.provider.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelgateway.api.ChatRequest;
import dev.camelgateway.api.GatewayException;
import dev.camelgateway.provider.ApiBinding;
import dev.camelgateway.provider.MappedResponse;
import dev.camelgateway.provider.ProviderAdapter;
import dev.camelgateway.provider.StreamMapper;
import dev.camelgateway.provider.UpstreamRequest;
import dev.camelgateway.provider.UpstreamJson;
import dev.camelgateway.routing.Target;
import org.springframework.stereotype.Component;

import java.util.Map;

/** {@code type: openai} — OpenAI itself and any OpenAI-compatible server (Ollama, vLLM, the demo upstream). */
@Component
public class OpenAiAdapter implements ProviderAdapter {
    private static final ApiBinding EMBEDDINGS = new OpenAiEmbeddingsBinding(OpenAiEndpoint.OPENAI);
    private static final ApiBinding RESPONSES = new OpenAiResponsesBinding(OpenAiEndpoint.OPENAI);

    @Override
    public String type() {
        return "openai";
    }

    @Override
    public UpstreamRequest toUpstreamRequest(ChatRequest request, Target target) {
        return OpenAiRequestMapper.toUpstreamRequest(request, target);
    }

    /** The answer's bytes go back untouched; they are parsed only to read the usage. */
    @Override
    public MappedResponse toChatCompletion(byte[] upstreamBody, ChatRequest request, Target target) {
        JsonNode completion = UpstreamJson.object(upstreamBody, "response body");
        return new MappedResponse(upstreamBody, OpenAiUsage.toUsage(completion.get("usage")));
    }

    @Override
    public StreamMapper newStreamMapper(ChatRequest request, Target target) {
        return new OpenAiStreamMapper(request.includeUsage());
    }

    @Override
    public GatewayException toGatewayException(String providerId, int status, String body, Map<String, String> headers) {
        return OpenAiErrorMapper.toGatewayException(providerId, status, body, headers);
    }

    /**
     * Embeddings: the deployment's own endpoint. Responses: its own endpoint too, unless its {@code responses:} says
     * translate ({@link OpenAiResponsesBinding#serves}).
     */
    @Override
    public ApiBinding binding(String api) {
        return switch (api) {
            case "embeddings" -> EMBEDDINGS;
            case "responses" -> RESPONSES;
            default -> null;
        };
    }
}
