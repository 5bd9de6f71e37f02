package dev.camelgateway.secrets;

import dev.camelgateway.routing.AzureSettings;
import dev.camelgateway.routing.ConfigurationCheck;
import dev.camelgateway.routing.GatewayProperties;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Every provider's key, settled once at start-up. A provider takes {@code api-key} (the shipped config reads it from
 * the environment) or {@code api-key-file}, a file holding the key (a mounted secret): its content, trailing newline
 * and whitespace removed, becomes the provider's api-key here, so the request mappers read one place. A file that
 * cannot be read or is empty, or a provider with both, stops the start; the messages name the setting, never the key.
 * An azure-openai deployment's Entra {@code azure.client-secret} and {@code azure.client-secret-file} are settled the
 * same way, and the client secret is redacted like a key.
 */
@Component
public class ProviderKeys {
    private final List<String> keys;

    public ProviderKeys(GatewayProperties properties) {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, GatewayProperties.Provider> entry : properties.getProviders().entrySet()) {
            readKeyFile(entry.getKey(), entry.getValue(), problems);
            readClientSecretFile(entry.getKey(), entry.getValue().getAzure(), problems);
        }
        ConfigurationCheck.fail(problems);
        Set<String> all = new LinkedHashSet<>();
        properties.getProviders().values().forEach(provider -> {
            all.add(provider.getApiKey());
            all.add(provider.getAzure().getClientSecret());
        });
        all.removeIf(String::isBlank);
        keys = List.copyOf(all);
    }

    /** The configured keys, for the redactor: whatever text leaves the gateway must not carry any part of them. */
    public List<String> all() {
        return keys;
    }

    private static void readKeyFile(String id, GatewayProperties.Provider provider, List<String> problems) {
        String prefix = "gateway.providers." + id;
        Path file = provider.getApiKeyFile();
        if (file == null || file.toString().isEmpty()) {
            return;
        }
        if (!provider.getApiKey().isBlank()) {
            problems.add(prefix + " has both api-key and api-key-file: keep one (the shipped config fills api-key from "
                    + id.toUpperCase(Locale.ROOT) + "_API_KEY: unset that variable to use the file)");
            return;
        }
        String key = readSecret(file, prefix + ".api-key-file", "the provider's key", problems);
        if (key != null) {
            provider.setApiKey(key);
        }
    }

    private static void readClientSecretFile(String id, AzureSettings azure, List<String> problems) {
        String prefix = "gateway.providers." + id + ".azure";
        Path file = azure.getClientSecretFile();
        if (file == null || file.toString().isEmpty()) {
            return;
        }
        if (!azure.getClientSecret().isBlank()) {
            problems.add(prefix + " has both client-secret and client-secret-file: keep one");
            return;
        }
        String secret = readSecret(file, prefix + ".client-secret-file", "the Entra application's client secret", problems);
        if (secret != null) {
            azure.setClientSecret(secret);
        }
    }

    /** The file's content without its trailing whitespace, or null with the problem added (naming the key, not the content). */
    private static String readSecret(Path file, String key, String what, List<String> problems) {
        try {
            String secret = Files.readString(file).stripTrailing();
            if (secret.isEmpty()) {
                problems.add(key + " " + file.toAbsolutePath() + " is empty: write " + what + " into it");
                return null;
            }
            return secret;
        } catch (IOException | RuntimeException e) { // the reason's class only: a message could quote what was read
            problems.add(key + " " + file.toAbsolutePath() + " cannot be read (" + e.getClass().getSimpleName()
                    + "): mount the secret at that path, make it readable by the gateway's user, or remove the setting");
            return null;
        }
    }
}
