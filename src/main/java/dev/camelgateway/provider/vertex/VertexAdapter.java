package dev.camelgateway.provider.vertex;

import dev.camelgateway.provider.anthropic.ClaudePrefill;
import dev.camelgateway.api.ChatRequest;
import dev.camelgateway.api.GatewayException;
import dev.camelgateway.api.Json;
import dev.camelgateway.api.messages.MessagesApi;
import dev.camelgateway.provider.ApiBinding;
import dev.camelgateway.provider.MappedResponse;
import dev.camelgateway.provider.ProviderAdapter;
import dev.camelgateway.provider.StreamMapper;
import dev.camelgateway.provider.UnsupportedParameters;
import dev.camelgateway.provider.UpstreamRequest;
import dev.camelgateway.provider.anthropic.AnthropicAdapter;
import dev.camelgateway.provider.gemini.GeminiAdapter;
import dev.camelgateway.routing.GatewayProperties;
import dev.camelgateway.routing.Target;
import org.springframework.stereotype.Component;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code type: vertex} — Google Cloud Vertex AI: Gemini models ({@code generateContent}) and Claude models
 * ({@code rawPredict}, the Anthropic Messages format), told apart by the model name ({@link VertexPublisher}). Only
 * Vertex's differences are declared here: the URL, the OAuth bearer token ({@link VertexCredentials}) and Claude's
 * {@code anthropic_version} ({@link VertexRequestMapper}); bodies, answers, streams and errors are the gemini and
 * anthropic types' own.
 */
@Component
public class VertexAdapter implements ProviderAdapter {
    private final boolean dropUnsupported;
    private final GeminiAdapter gemini;
    private final AnthropicAdapter anthropic;
    private final VertexCredentials credentials;
    private final ApiBinding messages;

    public VertexAdapter(GatewayProperties properties, GeminiAdapter gemini, AnthropicAdapter anthropic,
                         VertexCredentials credentials) {
        this.dropUnsupported = properties.isDropUnsupportedParams();
        this.gemini = gemini;
        this.anthropic = anthropic;
        this.credentials = credentials;
        this.messages = new VertexMessagesBinding(anthropic.binding(MessagesApi.NAME), credentials);
    }

    /** Claude on Vertex as on Anthropic; Gemini is regenerated. */
    @Override
    public boolean prefillByDefault(String upstreamModel) {
        return ClaudePrefill.accepts(upstreamModel);
    }

    @Override
    public String type() {
        return "vertex";
    }

    @Override
    public UpstreamRequest toUpstreamRequest(ChatRequest request, Target target) {
        UnsupportedParameters policy = new UnsupportedParameters(target.providerId(), dropUnsupported);
        return VertexRequestMapper.toUpstreamRequest(request, target, policy,
                () -> credentials.authorization(target.providerId()));
    }

    @Override
    public MappedResponse toChatCompletion(byte[] upstreamBody, ChatRequest request, Target target) {
        return publisherAdapter(target).toChatCompletion(upstreamBody, request, target);
    }

    @Override
    public StreamMapper newStreamMapper(ChatRequest request, Target target) {
        return publisherAdapter(target).newStreamMapper(request, target);
    }

    /**
     * Vertex's own errors (quota, authentication, a bad request it refuses before the model) are Google's
     * {@code {"error":{"code","status"}}}; Claude's own are Anthropic's {@code {"type":"error"}}: read by their shape.
     */
    @Override
    public GatewayException toGatewayException(String providerId, int status, String body, Map<String, String> headers) {
        var parsed = Json.objectOrNull(body == null ? "" : body);
        boolean anthropicShaped = parsed != null && "error".equals(parsed.path("type").asText());
        return (anthropicShaped ? anthropic : gemini).toGatewayException(providerId, status, body, headers);
    }

    /** Anthropic Messages clients passed through to Claude models; every other API through the translation. */
    @Override
    public ApiBinding binding(String api) {
        return MessagesApi.NAME.equals(api) ? messages : null;
    }

    @Override
    public void configure(String id, GatewayProperties.Provider provider, List<String> problems) {
        int before = problems.size();
        Path keyFile = VertexSettingsCheck.check(id, provider, problems);
        if (keyFile != null) {
            credentials.useKeyFile(id, keyFile, problems);
        } else if (provider.getVertex().getCredentialsFile() == null && problems.size() == before) {
            credentials.useApplicationDefault(id);
        }
    }

    @Override
    public void checkModel(String upstreamModel) {
        VertexPublisher.checkModel(upstreamModel);
    }

    private ProviderAdapter publisherAdapter(Target target) {
        return switch (VertexPublisher.of(target.upstreamModel())) {
            case ANTHROPIC -> anthropic;
            case GOOGLE -> gemini;
        };
    }
}
