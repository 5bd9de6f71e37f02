package dev.camelgateway.provider.azure;

import dev.camelgateway.routing.GatewayProperties;
import dev.camelgateway.secrets.ProviderKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The start-up checks of an azure-openai deployment (AzureOpenAiAdapter#configure, ProviderKeys for the secret file). */
class AzureSettingsCheckTest {
    private static final String SECRET = "Zq5~mW8nBv2cXr7tLp4Hs9Kd";
    @TempDir
    Path dir;

    private static GatewayProperties.Provider deployment() {
        GatewayProperties.Provider provider = new GatewayProperties.Provider();
        provider.setType("azure-openai");
        provider.setBaseUrl("https://r.openai.azure.com");
        return provider;
    }

    private static List<String> problems(GatewayProperties.Provider provider) {
        List<String> problems = new ArrayList<>();
        new AzureOpenAiAdapter().configure("az", provider, problems);
        return problems;
    }

    @Test
    void anApiKeyAloneOrCompleteEntraSettingsAreAccepted() {
        GatewayProperties.Provider keyed = deployment();
        keyed.setApiKey("k-1234567890");
        GatewayProperties.Provider entra = deployment();
        entra.getAzure().setTenantId("t");
        entra.getAzure().setClientId("c");
        entra.getAzure().setClientSecret(SECRET);

        assertThat(problems(keyed)).isEmpty();
        assertThat(problems(entra)).isEmpty();
    }

    @Test
    void noCredentialBothCredentialsOrHalfAnEntraSettingAreProblemsNamingTheKey() {
        assertThat(problems(deployment())).singleElement().asString().contains("gateway.providers.az (azure-openai) has no credential");

        GatewayProperties.Provider both = deployment();
        both.setApiKey("k-1234567890");
        both.getAzure().setTenantId("t");
        both.getAzure().setClientId("c");
        both.getAzure().setClientSecret(SECRET);
        assertThat(problems(both)).singleElement().asString().contains("has both an api-key and Entra ID settings");

        GatewayProperties.Provider tenantOnly = deployment();
        tenantOnly.getAzure().setTenantId("t");
        assertThat(problems(tenantOnly)).containsExactly(
                "gateway.providers.az.azure.client-id is missing (Entra ID needs tenant-id and client-id)",
                "gateway.providers.az.azure.client-secret (or client-secret-file) is missing for Entra ID");
    }

    @Test
    void aBadApiVersionOrAnHttpAuthorityIsAProblem() {
        GatewayProperties.Provider provider = deployment();
        provider.getAzure().setApiVersion("latest&x=1");
        provider.getAzure().setTenantId("t");
        provider.getAzure().setClientId("c");
        provider.getAzure().setClientSecret(SECRET);
        provider.getAzure().setAuthorityHost("http://login.example/");

        List<String> problems = problems(provider);

        assertThat(problems).hasSize(2).allSatisfy(p -> assertThat(p).doesNotContain(SECRET));
        assertThat(problems.get(0)).contains("gateway.providers.az.azure.api-version 'latest&x=1' is not a date");
        assertThat(problems.get(1)).contains("gateway.providers.az.azure.authority-host must be an https:// URL");
    }

    @Test
    void theClientSecretFileIsReadOnceAndRedactedAndBothSettingsOrAnUnreadableFileStopTheStart() throws Exception {
        GatewayProperties properties = new GatewayProperties();
        GatewayProperties.Provider provider = deployment();
        provider.getAzure().setClientSecretFile(Files.writeString(dir.resolve("secret"), SECRET + "\n"));
        properties.getProviders().put("az", provider);

        assertThat(new ProviderKeys(properties).all()).containsExactly(SECRET);
        assertThat(provider.getAzure().getClientSecret()).isEqualTo(SECRET);

        assertThatThrownBy(() -> new ProviderKeys(properties)).as("now both are set")
                .hasMessageContaining("gateway.providers.az.azure has both client-secret and client-secret-file")
                .hasMessageNotContaining(SECRET);

        provider.getAzure().setClientSecret("");
        provider.getAzure().setClientSecretFile(dir.resolve("missing"));
        assertThatThrownBy(() -> new ProviderKeys(properties))
                .hasMessageContaining("gateway.providers.az.azure.client-secret-file " + dir.resolve("missing") + " cannot be read");
        assertThat(provider.getAzure().toString()).doesNotContain(SECRET);
    }
}
