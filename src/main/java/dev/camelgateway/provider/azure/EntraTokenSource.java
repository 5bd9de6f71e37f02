package dev.camelgateway.provider.azure;

import com.microsoft.aad.msal4j.ClientCredentialFactory;
import com.microsoft.aad.msal4j.ClientCredentialParameters;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.aad.msal4j.MsalServiceException;
import dev.camelgateway.api.GatewayException;
import dev.camelgateway.resilience.UpstreamFailures;
import dev.camelgateway.routing.AzureSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.SSLSocketFactory;
import java.net.MalformedURLException;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One deployment's Entra ID application (client credentials, the v2 token endpoint
 * {@code {authority-host}{tenant-id}/oauth2/v2.0/token}), built at start-up. {@link #token()} runs once per attempt:
 * msal4j answers from its in-memory cache until shortly before the token expires (its 5-minute buffer), then fetches
 * a new one. A token that cannot be had is the gateway's refused credential (502 {@code upstream_auth_failed}); the
 * token and the secret appear in no log line and no error.
 */
final class EntraTokenSource {
    private static final Logger LOG = LoggerFactory.getLogger(EntraTokenSource.class);
    private static final int HTTP_TIMEOUT_MILLIS = 10_000;
    private static final long WAIT_SECONDS = 30;
    private final String deploymentId;
    private final ConfidentialClientApplication app;
    private final ClientCredentialParameters parameters;

    EntraTokenSource(String deploymentId, AzureSettings azure, SSLSocketFactory tls) throws MalformedURLException {
        this.deploymentId = deploymentId;
        String host = azure.getAuthorityHost().endsWith("/") ? azure.getAuthorityHost() : azure.getAuthorityHost() + "/";
        ConfidentialClientApplication.Builder builder = ConfidentialClientApplication
                .builder(azure.getClientId(), ClientCredentialFactory.createFromSecret(azure.getClientSecret()))
                .authority(host + azure.getTenantId() + "/")
                .connectTimeoutForDefaultHttpClient(HTTP_TIMEOUT_MILLIS)
                .readTimeoutForDefaultHttpClient(HTTP_TIMEOUT_MILLIS)
                .logPii(false)
                // its own threads: without, msal4j runs every acquireToken (a cache hit too) on the common ForkJoinPool,
                // one thread on two cores, where one hung token call would hold every Entra request behind it
                .executorService(java.util.concurrent.Executors.newFixedThreadPool(4, runnable -> {
                    Thread thread = new Thread(runnable, "entra-token-" + deploymentId);
                    thread.setDaemon(true);
                    return thread;
                }));
        if (!host.startsWith("https://login.microsoftonline.com/")) { // a sovereign cloud, a private or a test authority
            builder.validateAuthority(false).aadInstanceDiscoveryResponse(discovery(URI.create(host), azure.getTenantId()));
        }
        if (tls != null) {
            builder.sslSocketFactory(tls);
        }
        this.app = builder.build();
        this.parameters = ClientCredentialParameters.builder(Set.of(azure.getScope())).build();
    }

    /**
     * The instance metadata msal4j would fetch, given instead (no discovery call to a host that has none). It names the
     * host with its port too: msal4j keys cached tokens by {@code host:port} but looks them up by the metadata's
     * aliases, so an authority on another port than 443 would otherwise never be answered from the cache.
     */
    private static String discovery(URI host, String tenant) {
        String name = host.getHost();
        String withPort = host.getPort() > 0 ? name + ":" + host.getPort() : name;
        return "{\"tenant_discovery_endpoint\":\"https://" + withPort + "/" + tenant
                + "/v2.0/.well-known/openid-configuration\",\"api-version\":\"1.1\",\"metadata\":[{\"preferred_network\":\""
                + name + "\",\"preferred_cache\":\"" + name + "\",\"aliases\":[\"" + name + "\",\"" + withPort + "\"]}]}";
    }

    /** The access token for this attempt: msal4j's cached one, or a fresh one. */
    String token() {
        try {
            return app.acquireToken(parameters).get(WAIT_SECONDS, TimeUnit.SECONDS).accessToken();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw refused("interrupted");
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            throw refused(reason(e));
        }
    }

    /** What the log may say about a failure: its class and Entra's error code, never a message (it may quote input). */
    private static String reason(Exception e) {
        Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
        String code = cause instanceof MsalServiceException service ? " " + service.errorCode() : "";
        return cause.getClass().getSimpleName() + code;
    }

    private GatewayException refused(String reason) {
        LOG.warn("deployment {}: no Entra ID token for its client credentials ({}); check azure.tenant-id, client-id, "
                + "client-secret and authority-host", deploymentId, reason);
        return UpstreamFailures.credentialRefused(deploymentId);
    }
}
