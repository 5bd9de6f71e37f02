package dev.camelgateway.provider.azure;

import dev.camelgateway.routing.AzureSettings;
import dev.camelgateway.routing.GatewayProperties;

import java.util.List;

/**
 * The start-up checks of an azure-openai deployment's settings: exactly one credential (an api-key, or Entra ID with
 * tenant-id, client-id and a client secret), a well-formed api-version and https authority. Each problem names the
 * key, never a value that could be a secret. (Both client-secret and client-secret-file, or an unreadable file, are
 * found where the file is read: {@code ProviderKeys}.)
 */
final class AzureSettingsCheck {
    private AzureSettingsCheck() {
    }

    static void check(String id, GatewayProperties.Provider provider, List<String> problems) {
        String prefix = "gateway.providers." + id;
        AzureSettings azure = provider.getAzure();
        boolean key = !provider.getApiKey().isBlank() || provider.getApiKeyFile() != null;
        if (!AzureUrls.validApiVersion(azure.getApiVersion())) {
            problems.add(prefix + ".azure.api-version '" + azure.getApiVersion() + "' is not a date such as 2024-10-21 "
                    + "(or 2025-04-01-preview); leave it empty for the v1 API");
        }
        if (!azure.usesEntra()) {
            if (!key) {
                problems.add(prefix + " (azure-openai) has no credential: set api-key (or api-key-file), or Entra ID "
                        + "with azure.tenant-id, azure.client-id and azure.client-secret (or client-secret-file)");
            }
            return;
        }
        if (key) {
            problems.add(prefix + " has both an api-key and Entra ID settings (azure.tenant-id/client-id): keep one");
        }
        if (azure.getTenantId().isBlank()) {
            problems.add(prefix + ".azure.tenant-id is missing (Entra ID needs tenant-id and client-id)");
        }
        if (azure.getClientId().isBlank()) {
            problems.add(prefix + ".azure.client-id is missing (Entra ID needs tenant-id and client-id)");
        }
        if (azure.getClientSecret().isBlank() && azure.getClientSecretFile() == null) {
            problems.add(prefix + ".azure.client-secret (or client-secret-file) is missing for Entra ID");
        }
        if (!azure.getAuthorityHost().startsWith("https://")) {
            problems.add(prefix + ".azure.authority-host must be an https:// URL");
        }
        if (azure.getScope().isBlank()) {
            problems.add(prefix + ".azure.scope is empty (Azure OpenAI's is https://cognitiveservices.azure.com/.default)");
        }
    }
}
