package dev.camelgateway.provider.azure;

import dev.camelgateway.api.Bounded;
import dev.camelgateway.api.GatewayException;
import dev.camelgateway.routing.AzureSettings;
import dev.camelgateway.routing.Target;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Azure OpenAI's URLs (REST reference, "v1 API" and "data plane inference"): {@code base-url} is the resource
 * endpoint ({@code https://<resource>.openai.azure.com}).
 * <ul>
 *   <li>no {@code azure.api-version}: the v1 API, {@code {base-url}/openai/v1{operation}}; the deployment name is the
 *       body's {@code model};</li>
 *   <li>{@code azure.api-version} set: {@code {base-url}/openai/deployments/{deployment}{operation}?api-version=...},
 *       the deployment in the path (Responses has no such URL: it is then served by translation).</li>
 * </ul>
 */
final class AzureUrls {
    /** Azure's deployment names: letters, digits, '_', '-', '.', at most 64 (portal and ARM rules). */
    private static final Pattern DEPLOYMENT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern API_VERSION = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}(-preview)?");

    private AzureUrls() {
    }

    static String url(Target target, String operation) {
        AzureSettings azure = target.provider().getAzure();
        if (azure.getApiVersion().isBlank()) {
            return target.provider().endpoint("/openai/v1" + operation);
        }
        return target.provider().endpoint("/openai/deployments/" + target.upstreamModel() + operation)
                + "?api-version=" + URLEncoder.encode(azure.getApiVersion(), StandardCharsets.UTF_8);
    }

    /** The deployment-URL form has chat completions and embeddings; Responses only the v1 API. */
    static boolean serves(Target target, String operation) {
        return target.provider().getAzure().getApiVersion().isBlank() || !"/responses".equals(operation);
    }

    /** A deployment name may become a path segment: only Azure's own characters, no '..'. */
    static void checkDeployment(String deployment) {
        if (!DEPLOYMENT.matcher(deployment).matches() || deployment.contains("..")) {
            throw GatewayException.badRequest("Invalid model '" + Bounded.of(deployment) + "': an Azure OpenAI "
                    + "deployment name may contain only letters, digits, '.', '_' and '-', and not '..'.", "model",
                    "invalid_value");
        }
    }

    static boolean validApiVersion(String apiVersion) {
        return apiVersion.isBlank() || API_VERSION.matcher(apiVersion).matches();
    }
}
