package dev.camelgateway.secrets;

import dev.camelgateway.routing.GatewayProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which file names of a config tree ({@code spring.config.import: optional:configtree:/run/secrets/}, Kubernetes
 * secrets mounted as files) become which provider keys: Spring Boot's own import, run on the shipped config.
 */
class ConfigTreeKeysTest {
    @TempDir
    Path secrets;

    @Test
    void aFileNamedAfterThePropertyOrAfterTheShippedVariableBecomesTheProvidersKey() throws IOException {
        Files.writeString(secrets.resolve("gateway.providers.openai.api-key"), "sk-tree-openai\n");
        Files.createDirectories(secrets.resolve("gateway/providers/mistral"));
        Files.writeString(secrets.resolve("gateway/providers/mistral/api-key"), "tree-mistral");
        Files.writeString(secrets.resolve("GEMINI_API_KEY"), "tree-gemini\n"); // read by the shipped ${GEMINI_API_KEY:}
        Files.writeString(secrets.resolve("gateway.providers.anthropic.apiKey"), "tree-anthropic");
        Files.writeString(secrets.resolve("GATEWAY_PROVIDERS_OLLAMA_APIKEY"), "tree-ollama");

        Map<String, GatewayProperties.Provider> providers = bindWithConfigTree().getProviders();

        assertThat(providers.get("openai").getApiKey()).as("one trailing newline trimmed").isEqualTo("sk-tree-openai");
        assertThat(providers.get("mistral").getApiKey()).as("directories are dots").isEqualTo("tree-mistral");
        assertThat(providers.get("gemini").getApiKey()).isEqualTo("tree-gemini");
        assertThat(providers.get("anthropic").getApiKey()).as("relaxed binding of the last element").isEqualTo("tree-anthropic");
        assertThat(providers.get("ollama").getApiKey()).as("an environment-variable style name is not mapped").isEmpty();
    }

    @Test
    void kubernetesAtomicWriterLayoutIsReadThroughItsSymlinks() throws IOException {
        // what the kubelet mounts: the files in a hidden timestamped directory, ..data pointing at it, links at the top
        Path version = Files.createDirectory(secrets.resolve("..2026_12_01_10_00_00.123456789"));
        Files.writeString(version.resolve("gateway.providers.openai.api-key"), "sk-kube-openai");
        Files.createSymbolicLink(secrets.resolve("..data"), version.getFileName());
        Files.createSymbolicLink(secrets.resolve("gateway.providers.openai.api-key"), Path.of("..data/gateway.providers.openai.api-key"));

        assertThat(bindWithConfigTree().getProviders().get("openai").getApiKey()).isEqualTo("sk-kube-openai");
    }

    /** The shipped config/application.yaml plus the config tree, without the process environment (whose keys would win). */
    private GatewayProperties bindWithConfigTree() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().addFirst(new MapPropertySource("test",
                Map.of("spring.config.import", "optional:configtree:" + secrets + "/")));
        ConfigDataEnvironmentPostProcessor.applyTo(environment);
        return Binder.get(environment).bind("gateway", GatewayProperties.class).get();
    }
}
