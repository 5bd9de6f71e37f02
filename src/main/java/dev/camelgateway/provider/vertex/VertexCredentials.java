package dev.camelgateway.provider.vertex;

import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.auth.oauth2.ServiceAccountCredentials;
import dev.camelgateway.api.GatewayException;
import dev.camelgateway.api.OpenAiError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One Google credentials object per {@code type: vertex} deployment, and the access token of each attempt.
 * <p>
 * The credentials come from the deployment's service account key file, read at start-up (no call to Google then), or
 * are Application Default Credentials (the workload's identity), looked up at the first attempt: finding them may
 * probe the Compute Engine metadata server, which start-up outside Google Cloud should not wait for. Either is scoped
 * to {@code cloud-platform}.
 * <p>
 * google-auth-library caches the token and refreshes it itself (1.57: {@code OAuth2Credentials} treats a token as
 * expired 3 minutes before its {@code expires_in} runs out, and refreshes one that expires within 3 minutes 45 seconds;
 * {@link GoogleCredentials#refreshIfExpired()} does that refresh on the calling thread). A token is never logged nor
 * put in an error; a failure to get one is the gateway's credential refused: 502 {@code upstream_auth_failed}, and the
 * alias's fallback (on-failure.credential-refused).
 */
@Component
public class VertexCredentials {
    static final List<String> SCOPES = List.of("https://www.googleapis.com/auth/cloud-platform");
    private static final Logger LOG = LoggerFactory.getLogger(VertexCredentials.class);

    private final Map<String, Source> sources = new ConcurrentHashMap<>();

    /** Reads the deployment's service account key file; an unusable key is a start-up problem, never quoted. */
    void useKeyFile(String providerId, Path file, List<String> problems) {
        try (InputStream in = Files.newInputStream(file)) {
            use(providerId, ServiceAccountCredentials.fromStream(in).createScoped(SCOPES));
        } catch (IOException | RuntimeException e) {
            problems.add("gateway.providers." + providerId + ".vertex.credentials-file names " + file
                    + ", whose service account key cannot be used (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** The deployment calls with the workload's identity (Application Default Credentials), found at the first call. */
    void useApplicationDefault(String providerId) {
        sources.put(providerId, new ApplicationDefault());
    }

    /** The deployment calls with these credentials (already scoped). */
    public void use(String providerId, GoogleCredentials credentials) {
        sources.put(providerId, () -> credentials);
    }

    /** {@code Bearer <token>} for one attempt of {@code providerId}: the cached token, or a fresh one. */
    String authorization(String providerId) {
        Source source = sources.get(providerId);
        if (source == null) {
            throw new IllegalStateException("No Google credentials for deployment " + providerId);
        }
        try {
            GoogleCredentials credentials = source.credentials();
            credentials.refreshIfExpired();
            AccessToken token = credentials.getAccessToken();
            if (token == null) {
                throw new IOException("no access token");
            }
            return "Bearer " + token.getTokenValue();
        } catch (IOException | RuntimeException e) {
            // the library's message names the token endpoint and quotes its error reply (an error code and
            // description), never the private key or a token
            LOG.warn("{}: no Google access token: {}: {}", providerId, e.getClass().getSimpleName(), e.getMessage());
            // the gateway's own credential, not the client's: a 502 (as a key the provider refuses), and the fallback
            throw new GatewayException(502, new OpenAiError(providerId + ": Google did not grant an access token for "
                    + "this deployment's credentials (" + e.getClass().getSimpleName() + ").", OpenAiError.SERVER_ERROR,
                    null, "upstream_auth_failed"));
        }
    }

    @Override
    public String toString() {
        return "VertexCredentials" + sources.keySet();
    }

    private interface Source {
        GoogleCredentials credentials() throws IOException;
    }

    /** Looked up once, at the first attempt that needs it; a failed look-up is tried again at the next. */
    private static final class ApplicationDefault implements Source {
        private GoogleCredentials credentials;

        @Override
        public synchronized GoogleCredentials credentials() throws IOException {
            if (credentials == null) {
                credentials = GoogleCredentials.getApplicationDefault().createScoped(SCOPES);
            }
            return credentials;
        }
    }
}
