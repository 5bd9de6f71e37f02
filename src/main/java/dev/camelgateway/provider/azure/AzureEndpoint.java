package dev.camelgateway.provider.azure;

import dev.camelgateway.provider.openai.OpenAiEndpoint;
import dev.camelgateway.routing.Target;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Azure OpenAI's differences from OpenAI for the shared OpenAI mappers and bindings: its URLs ({@link AzureUrls}) and
 * its credential — the deployment's key as {@code api-key} (never {@code Authorization}), or an Entra ID token as
 * {@code Authorization: Bearer}, fetched for each attempt from the deployment's {@link EntraTokenSource}.
 */
final class AzureEndpoint implements OpenAiEndpoint {
    private final Map<String, EntraTokenSource> tokens = new ConcurrentHashMap<>();

    /** At start-up: the deployment's Entra application. */
    void register(String deploymentId, EntraTokenSource source) {
        tokens.put(deploymentId, source);
    }

    @Override
    public String url(Target target, String operation) {
        return AzureUrls.url(target, operation);
    }

    @Override
    public Map<String, String> headers(Target target) {
        EntraTokenSource entra = tokens.get(target.providerId());
        if (entra != null) {
            return Map.of("Authorization", "Bearer " + entra.token());
        }
        String key = target.provider().getApiKey();
        return key.isBlank() ? Map.of() : Map.of("api-key", key);
    }

    @Override
    public boolean serves(Target target, String operation) {
        return AzureUrls.serves(target, operation);
    }
}
