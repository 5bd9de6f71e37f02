package dev.camelgateway.provider.azure;

import dev.camelgateway.routing.AzureSettings;
import dev.camelgateway.support.FakeEntra;
import dev.camelgateway.api.GatewayException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** msal4j against the fake HTTPS token endpoint, without a gateway: one token reused until its refresh margin. */
class EntraTokenSourceTest {
    private static final FakeEntra ENTRA = new FakeEntra("tenant-1", "client-1", "secret-Xy7Pq2Lw9Rt4");

    @AfterAll
    static void stop() {
        ENTRA.close();
    }

    private static EntraTokenSource source() throws Exception {
        AzureSettings azure = new AzureSettings();
        azure.setTenantId("tenant-1");
        azure.setClientId("client-1");
        azure.setClientSecret("secret-Xy7Pq2Lw9Rt4");
        azure.setAuthorityHost(ENTRA.authorityHost());
        return new EntraTokenSource("azure-test", azure, AuthorityTrust.fromPem(ENTRA.caFile()));
    }

    @Test
    void aTokenIsReusedWhileFresh() throws Exception {
        ENTRA.expiresIn(3600);
        int before = ENTRA.tokenRequests().size();
        EntraTokenSource source = source();
        String first = source.token();
        String second = source.token();
        assertThat(second).isEqualTo(first);
        assertThat(ENTRA.tokenRequests()).hasSize(before + 1);
        assertThat(ENTRA.issued()).endsWith(first);
    }

    @Test
    void aRefusedSecretIsTheGatewaysRefusedCredentialWithoutTheSecret() throws Exception {
        ENTRA.refuseNext();
        GatewayException refused = catchThrowableOfType(GatewayException.class, () -> source().token());

        assertThat(refused.status()).isEqualTo(502);
        assertThat(refused.error().code()).isEqualTo("upstream_auth_failed");
        assertThat(refused.error().toEnvelope().toString()).contains("azure-test").doesNotContain("secret-Xy7Pq2Lw9Rt4");
    }
}
