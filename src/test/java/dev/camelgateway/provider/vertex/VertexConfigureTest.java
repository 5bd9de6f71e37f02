package dev.camelgateway.provider.vertex;

import dev.camelgateway.provider.anthropic.AnthropicAdapter;
import dev.camelgateway.provider.gemini.GeminiAdapter;
import dev.camelgateway.routing.GatewayProperties;
import dev.camelgateway.support.FakeGoogleTokenEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link VertexAdapter#configure}: what start-up requires of a vertex deployment, and the base-url it fills in. */
class VertexConfigureTest {
    private static final GatewayProperties STRICT = new GatewayProperties();
    private final VertexCredentials credentials = new VertexCredentials();
    private final VertexAdapter adapter = new VertexAdapter(STRICT, new GeminiAdapter(STRICT, Clock.systemUTC()),
            new AnthropicAdapter(STRICT, Clock.systemUTC()), credentials);
    @TempDir
    Path dir;

    @Test
    void projectAndLocationAreRequired() {
        List<String> problems = configure(new GatewayProperties.Provider());
        assertThat(problems).containsExactly(
                "gateway.providers.v.vertex.project is missing (the Google Cloud project the models are called in)",
                "gateway.providers.v.vertex.location is missing (a region such as us-central1, or global)");
    }

    @Test
    void aMissingBaseUrlFollowsFromTheLocationAndAGivenOneIsKept() {
        GatewayProperties.Provider regional = provider("my-project", "europe-west4");
        GatewayProperties.Provider global = provider("example.com:my-project", "global");
        GatewayProperties.Provider given = provider("my-project", "us-east5");
        given.setBaseUrl("http://proxy.internal:8080");

        assertThat(configure(regional)).isEmpty();
        assertThat(configure(global)).isEmpty();
        assertThat(configure(given)).isEmpty();

        assertThat(regional.getBaseUrl()).isEqualTo("https://europe-west4-aiplatform.googleapis.com");
        assertThat(global.getBaseUrl()).isEqualTo("https://aiplatform.googleapis.com");
        assertThat(given.getBaseUrl()).isEqualTo("http://proxy.internal:8080");
    }

    @Test
    void aLocationOrProjectThatWouldAlterTheUrlIsRefused() {
        assertThat(configure(provider("my-project", "evil.com/x"))).containsExactly("gateway.providers.v.vertex.location "
                + "is 'evil.com/x', not a region such as us-central1 or global");
        assertThat(configure(provider("p/../q", "us-central1"))).containsExactly(
                "gateway.providers.v.vertex.project may contain only letters, digits, '.', ':', '_' and '-'");
    }

    @Test
    void anUnreadableCredentialsFileIsRefusedByItsKey() {
        GatewayProperties.Provider provider = provider("my-project", "us-central1");
        provider.getVertex().setCredentialsFile(dir.resolve("absent.json"));
        assertThat(configure(provider)).containsExactly("gateway.providers.v.vertex.credentials-file names "
                + dir.resolve("absent.json") + ", which is not a readable file");
    }

    @Test
    void aFileThatIsNoServiceAccountKeyIsRefusedWithoutQuotingIt() throws Exception {
        Path authorizedUser = Files.writeString(dir.resolve("adc.json"),
                "{\"type\":\"authorized_user\",\"client_id\":\"c\",\"client_secret\":\"s3cr3t-client-secret\",\"refresh_token\":\"1//r3fr3sh\"}");
        Path notJson = Files.writeString(dir.resolve("key.pem"), "-----BEGIN PRIVATE KEY-----\nMIIEv-s3cr3t\n");
        for (Path file : List.of(authorizedUser, notJson)) {
            GatewayProperties.Provider provider = provider("my-project", "us-central1");
            provider.getVertex().setCredentialsFile(file);
            List<String> problems = configure(provider);
            assertThat(problems).singleElement().satisfies(p -> assertThat(p)
                    .startsWith("gateway.providers.v.vertex.credentials-file names " + file + ", which is not a service account key")
                    .doesNotContain("s3cr3t").doesNotContain("r3fr3sh"));
        }
    }

    @Test
    void aServiceAccountKeyWhosePrivateKeyIsBrokenIsRefusedWithoutQuotingIt() throws Exception {
        Path file = Files.writeString(dir.resolve("sa.json"), "{\"type\":\"service_account\",\"client_email\":"
                + "\"a@p.iam.gserviceaccount.com\",\"client_id\":\"1\",\"private_key_id\":\"k\","
                + "\"private_key\":\"-----BEGIN PRIVATE KEY-----\\nnot-a-k3y\\n-----END PRIVATE KEY-----\\n\"}");
        GatewayProperties.Provider provider = provider("my-project", "us-central1");
        provider.getVertex().setCredentialsFile(file);
        assertThat(configure(provider)).singleElement().satisfies(p -> assertThat(p)
                .startsWith("gateway.providers.v.vertex.credentials-file names " + file
                        + ", whose service account key cannot be used (")
                .doesNotContain("not-a-k3y"));
    }

    @Test
    void aServiceAccountKeyIsAcceptedWithoutCallingGoogle() throws Exception {
        FakeGoogleTokenEndpoint google = new FakeGoogleTokenEndpoint();
        Path file = Files.writeString(dir.resolve("sa.json"), google.keyFileJson(google.newAccount("startup", 3600)));
        GatewayProperties.Provider provider = provider("my-project", "us-central1");
        provider.getVertex().setCredentialsFile(file);

        assertThat(configure(provider)).isEmpty();
        assertThat(google.issued()).as("no token asked for at start-up").isEmpty();
        assertThat(credentials.authorization("v")).isEqualTo("Bearer " + google.issued().get(0).token());
        assertThat(credentials.toString()).isEqualTo("VertexCredentials[v]");
    }

    private List<String> configure(GatewayProperties.Provider provider) {
        List<String> problems = new ArrayList<>();
        adapter.configure("v", provider, problems);
        return problems;
    }

    private static GatewayProperties.Provider provider(String project, String location) {
        GatewayProperties.Provider provider = new GatewayProperties.Provider();
        provider.setType("vertex");
        provider.getVertex().setProject(project);
        provider.getVertex().setLocation(location);
        return provider;
    }
}
