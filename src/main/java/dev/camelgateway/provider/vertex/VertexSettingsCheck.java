package dev.camelgateway.provider.vertex;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelgateway.api.Json;
import dev.camelgateway.routing.GatewayProperties;
import dev.camelgateway.routing.VertexSettings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The start-up check of a {@code type: vertex} deployment: project and location present and URL-safe, base-url filled
 * in from the location when absent, and a credentials file that is a readable service account key. Problems name the
 * key, never the file's content.
 */
final class VertexSettingsCheck {
    /** A region ({@code us-central1}) or {@code global}: it becomes part of a host name and a path. */
    private static final Pattern LOCATION = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    /** Project ids, including domain-scoped ones ({@code example.com:my-project}): they become a path segment. */
    private static final Pattern PROJECT = Pattern.compile("[A-Za-z0-9._:-]+");

    private VertexSettingsCheck() {
    }

    /** @return the service account key file to build the credentials from, or null (ADC, or a problem reported) */
    static Path check(String id, GatewayProperties.Provider provider, List<String> problems) {
        String key = "gateway.providers." + id + ".vertex.";
        VertexSettings vertex = provider.getVertex();
        if (vertex.getProject().isBlank()) {
            problems.add(key + "project is missing (the Google Cloud project the models are called in)");
        } else if (!PROJECT.matcher(vertex.getProject()).matches()) {
            problems.add(key + "project may contain only letters, digits, '.', ':', '_' and '-'");
        }
        if (vertex.getLocation().isBlank()) {
            problems.add(key + "location is missing (a region such as us-central1, or global)");
        } else if (!LOCATION.matcher(vertex.getLocation()).matches()) {
            problems.add(key + "location is '" + vertex.getLocation() + "', not a region such as us-central1 or global");
        } else if (provider.getBaseUrl() == null || provider.getBaseUrl().isBlank()) {
            provider.setBaseUrl(baseUrl(vertex.getLocation()));
        }
        Path file = vertex.getCredentialsFile();
        return file == null || isServiceAccountKey(file, key + "credentials-file", problems) ? file : null;
    }

    /** Vertex AI's endpoint of a location: regional hosts, and one host without a region for {@code global}. */
    static String baseUrl(String location) {
        return "global".equals(location) ? "https://aiplatform.googleapis.com"
                : "https://" + location + "-aiplatform.googleapis.com";
    }

    private static boolean isServiceAccountKey(Path file, String key, List<String> problems) {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            problems.add(key + " names " + file + ", which is not a readable file");
            return false;
        }
        JsonNode json;
        try {
            json = Json.objectOrNull(Files.readString(file));
        } catch (IOException | RuntimeException e) { // the content is never quoted: it holds a private key
            json = null;
        }
        if (json == null || !"service_account".equals(json.path("type").asText())
                || !json.hasNonNull("private_key") || !json.hasNonNull("client_email")) {
            problems.add(key + " names " + file + ", which is not a service account key (a JSON file with "
                    + "\"type\": \"service_account\", client_email and private_key)");
            return false;
        }
        return true;
    }
}
