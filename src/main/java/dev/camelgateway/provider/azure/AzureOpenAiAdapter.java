package dev.camelgateway.provider.azure;

import dev.camelgateway.api.ChatRequest;
import dev.camelgateway.api.GatewayException;
import dev.camelgateway.provider.ApiBinding;
import dev.camelgateway.provider.MappedResponse;
import dev.camelgateway.provider.ProviderAdapter;
import dev.camelgateway.provider.StreamMapper;
import dev.camelgateway.provider.UpstreamRequest;
import dev.camelgateway.provider.openai.OpenAiEmbeddingsBinding;
import dev.camelgateway.provider.openai.OpenAiRequestMapper;
import dev.camelgateway.provider.openai.OpenAiResponsesBinding;
import dev.camelgateway.provider.openai.OpenAiAdapter;
import dev.camelgateway.routing.AzureSettings;
import dev.camelgateway.routing.GatewayProperties;
import dev.camelgateway.routing.Target;
import org.springframework.stereotype.Component;

import javax.net.ssl.SSLSocketFactory;
import java.util.List;
import java.util.Map;

/**
 * {@code type: azure-openai} — Azure OpenAI (Foundry) deployments: OpenAI's bodies, streams and errors through the
 * OpenAI mappers; only Azure's URLs, credentials ({@link AzureEndpoint}), content-filter errors
 * ({@link AzureErrorMapper}) and filter-only stream chunks ({@link AzureStreamMapper}) differ. Embeddings and
 * Responses (v1 API only) use the OpenAI bindings with Azure's endpoint.
 */
@Component
public class AzureOpenAiAdapter implements ProviderAdapter {
    private static final OpenAiAdapter OPENAI = new OpenAiAdapter();
    private final AzureEndpoint endpoint = new AzureEndpoint();
    private final ApiBinding embeddings = new OpenAiEmbeddingsBinding(endpoint);
    private final ApiBinding responses = new OpenAiResponsesBinding(endpoint);

    @Override
    public String type() {
        return "azure-openai";
    }

    /** The settings checked; an Entra deployment's application built once, here. */
    @Override
    public void configure(String id, GatewayProperties.Provider provider, List<String> problems) {
        int before = problems.size();
        AzureSettingsCheck.check(id, provider, problems);
        AzureSettings azure = provider.getAzure();
        if (problems.size() > before || !azure.usesEntra()) {
            return;
        }
        String key = "gateway.providers." + id + ".azure";
        SSLSocketFactory tls = null;
        if (azure.getAuthorityCaFile() != null) {
            try {
                tls = AuthorityTrust.fromPem(azure.getAuthorityCaFile());
            } catch (Exception e) {
                problems.add(key + ".authority-ca-file " + azure.getAuthorityCaFile().toAbsolutePath()
                        + " holds no readable PEM certificate (" + e.getClass().getSimpleName() + ")");
                return;
            }
        }
        try {
            endpoint.register(id, new EntraTokenSource(id, azure, tls));
        } catch (Exception e) {
            problems.add(key + ".authority-host with tenant-id is no valid authority URL (" + e.getClass().getSimpleName() + ")");
        }
    }

    @Override
    public void checkModel(String upstreamModel) {
        AzureUrls.checkDeployment(upstreamModel);
    }

    @Override
    public UpstreamRequest toUpstreamRequest(ChatRequest request, Target target) {
        return OpenAiRequestMapper.toUpstreamRequest(request, target, endpoint);
    }

    /** As OpenAI's: the answer's bytes untouched (filter annotations included), parsed only for the usage. */
    @Override
    public MappedResponse toChatCompletion(byte[] upstreamBody, ChatRequest request, Target target) {
        return OPENAI.toChatCompletion(upstreamBody, request, target);
    }

    @Override
    public StreamMapper newStreamMapper(ChatRequest request, Target target) {
        return new AzureStreamMapper(request.includeUsage());
    }

    @Override
    public GatewayException toGatewayException(String providerId, int status, String body, Map<String, String> headers) {
        return AzureErrorMapper.toGatewayException(providerId, status, body, headers);
    }

    @Override
    public ApiBinding binding(String api) {
        return switch (api) {
            case "embeddings" -> embeddings;
            case "responses" -> responses;
            default -> null;
        };
    }
}
