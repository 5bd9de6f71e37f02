package dev.camelgateway.routing;

import java.nio.file.Path;

/**
 * {@code gateway.providers.<id>.azure} of a {@code type: azure-openai} deployment: which Azure OpenAI API it calls and
 * how it authenticates (the deployment's {@code api-key}, sent as {@code api-key}, or Entra ID client credentials).
 */
public class AzureSettings {
    /**
     * Empty: the v1 API ({@code {base-url}/openai/v1/chat/completions}, the deployment name as {@code model}). A date
     * such as {@code 2024-10-21}: the deployment URLs ({@code {base-url}/openai/deployments/{deployment}/...?api-version=}).
     */
    private String apiVersion = "";
    /** Entra ID (Azure AD) client credentials instead of an api-key; set tenant-id and client-id to use them. */
    private String tenantId = "";
    private String clientId = "";
    private String clientSecret = "";
    private Path clientSecretFile;
    private String authorityHost = "https://login.microsoftonline.com/";
    private String scope = "https://cognitiveservices.azure.com/.default";
    /**
     * PEM certificates to trust for the authority's TLS instead of the JVM's trust store (a private cloud's or a TLS
     * proxy's CA); unset: the JVM's.
     */
    private Path authorityCaFile;

    /** Whether this deployment authenticates with Entra ID (tenant-id or client-id set) rather than an api-key. */
    public boolean usesEntra() {
        return !tenantId.isBlank() || !clientId.isBlank();
    }

    public String getApiVersion() {
        return apiVersion;
    }

    public void setApiVersion(String apiVersion) {
        this.apiVersion = apiVersion == null ? "" : apiVersion;
    }

    public String getTenantId() {
        return tenantId;
    }

    public void setTenantId(String tenantId) {
        this.tenantId = tenantId == null ? "" : tenantId;
    }

    public String getClientId() {
        return clientId;
    }

    public void setClientId(String clientId) {
        this.clientId = clientId == null ? "" : clientId;
    }

    public String getClientSecret() {
        return clientSecret;
    }

    public void setClientSecret(String clientSecret) {
        this.clientSecret = clientSecret == null ? "" : clientSecret;
    }

    public Path getClientSecretFile() {
        return clientSecretFile;
    }

    public void setClientSecretFile(Path clientSecretFile) {
        this.clientSecretFile = clientSecretFile;
    }

    public String getAuthorityHost() {
        return authorityHost;
    }

    public void setAuthorityHost(String authorityHost) {
        this.authorityHost = authorityHost == null ? "" : authorityHost;
    }

    public Path getAuthorityCaFile() {
        return authorityCaFile;
    }

    public void setAuthorityCaFile(Path authorityCaFile) {
        this.authorityCaFile = authorityCaFile;
    }

    public String getScope() {
        return scope;
    }

    public void setScope(String scope) {
        this.scope = scope == null ? "" : scope;
    }

    @Override
    public String toString() { // never print the secret
        return "AzureSettings[apiVersion=" + apiVersion + ", tenantId=" + tenantId + ", clientId=" + clientId + "]";
    }
}
