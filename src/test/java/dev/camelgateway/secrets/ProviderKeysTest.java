package dev.camelgateway.secrets;

import dev.camelgateway.routing.GatewayProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProviderKeysTest {
    private static final String FILE_KEY = "sk-ant-Zr4Tq8Wm1Xc5Vb9Np2Ls";
    private static final String ENV_KEY = "sk-env-Hy6Ju3Ki7Lo0Pq4Wd";
    @TempDir
    Path dir;

    @Test
    void aKeyFileIsReadOnceWithoutItsTrailingNewlineAndWhitespace() throws IOException {
        Path file = Files.writeString(dir.resolve("anthropic"), FILE_KEY + " \t\r\n\n");
        GatewayProperties properties = properties(provider("", file), provider(ENV_KEY, null));

        ProviderKeys keys = new ProviderKeys(properties);

        assertThat(properties.getProviders().get("anthropic").getApiKey()).isEqualTo(FILE_KEY);
        assertThat(properties.getProviders().get("openai").getApiKey()).isEqualTo(ENV_KEY);
        assertThat(keys.all()).containsExactly(FILE_KEY, ENV_KEY);
        Files.writeString(file, "changed");
        assertThat(properties.getProviders().get("anthropic").getApiKey()).as("read at start-up only").isEqualTo(FILE_KEY);
    }

    @Test
    void providersWithoutKeysAddNothingToRedact() {
        assertThat(new ProviderKeys(properties(provider("", null), provider(ENV_KEY, null))).all()).containsExactly(ENV_KEY);
    }

    @Test
    void aMissingKeyFileStopsTheStartNamingTheSettingAndThePath() {
        Path missing = dir.resolve("nowhere");
        assertThatThrownBy(() -> new ProviderKeys(properties(provider("", missing), provider(ENV_KEY, null))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("gateway.providers.anthropic.api-key-file " + missing + " cannot be read (NoSuchFileException)")
                .hasMessageContaining("mount the secret at that path")
                .hasMessageNotContaining(ENV_KEY);
    }

    @Test
    void anUnreadableOrEmptyKeyFileStopsTheStart() throws IOException {
        Path directory = Files.createDirectory(dir.resolve("a-directory"));
        assertThatThrownBy(() -> new ProviderKeys(properties(provider("", directory), provider(ENV_KEY, null))))
                .hasMessageContaining("gateway.providers.anthropic.api-key-file " + directory + " cannot be read");

        Path empty = Files.writeString(dir.resolve("empty"), "\n");
        assertThatThrownBy(() -> new ProviderKeys(properties(provider("", empty), provider(ENV_KEY, null))))
                .hasMessageContaining("gateway.providers.anthropic.api-key-file " + empty + " is empty");
    }

    @Test
    void bothAKeyAndAKeyFileStopTheStartWithoutPrintingEitherKey() throws IOException {
        Path file = Files.writeString(dir.resolve("anthropic"), FILE_KEY);
        assertThatThrownBy(() -> new ProviderKeys(properties(provider(ENV_KEY, file), provider("", null))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("gateway.providers.anthropic has both api-key and api-key-file: keep one")
                .hasMessageNotContaining(ENV_KEY)
                .hasMessageNotContaining(FILE_KEY);
    }

    @Test
    void aProviderNeverPrintsItsKey() throws IOException {
        GatewayProperties properties = properties(provider("", Files.writeString(dir.resolve("k"), FILE_KEY)), provider(ENV_KEY, null));
        new ProviderKeys(properties);
        assertThat(properties.getProviders().toString()).doesNotContain(FILE_KEY).doesNotContain(ENV_KEY);
    }

    private static GatewayProperties properties(GatewayProperties.Provider anthropic, GatewayProperties.Provider openai) {
        GatewayProperties properties = new GatewayProperties();
        properties.getProviders().put("anthropic", anthropic);
        properties.getProviders().put("openai", openai);
        return properties;
    }

    private static GatewayProperties.Provider provider(String apiKey, Path apiKeyFile) {
        GatewayProperties.Provider provider = new GatewayProperties.Provider();
        provider.setType("openai");
        provider.setBaseUrl("http://127.0.0.1:1/v1");
        provider.setApiKey(apiKey);
        provider.setApiKeyFile(apiKeyFile);
        return provider;
    }
}
