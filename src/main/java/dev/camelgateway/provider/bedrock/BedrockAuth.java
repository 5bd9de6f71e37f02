package dev.camelgateway.provider.bedrock;

import dev.camelgateway.api.GatewayException;
import dev.camelgateway.api.OpenAiError;
import dev.camelgateway.routing.AwsSettings;
import dev.camelgateway.routing.Target;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;

import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A Bedrock request's credentials, made per attempt. With the deployment's {@code api-key} (a Bedrock API key):
 * {@code Authorization: Bearer <key>}. Without: Signature Version 4 by the AWS SDK's own {@link AwsV4HttpSigner}
 * (service {@code bedrock}, the deployment's {@code aws.region}), with credentials from the SDK's default chain or
 * the deployment's {@code aws.profile} — one provider per deployment, which caches and refreshes what it resolved
 * (session and role credentials expire), asked on every attempt. Session credentials add
 * {@code x-amz-security-token}. Only {@code host} and the {@code x-amz-*} headers are signed: the body's other headers
 * are camel-http's to write. No credential reaches a log or an error.
 */
final class BedrockAuth {
    static final String SERVICE = "bedrock";
    private static final Logger LOG = LoggerFactory.getLogger(BedrockAuth.class);
    private static final AwsV4HttpSigner SIGNER = AwsV4HttpSigner.create();
    private final Map<String, AwsCredentialsProvider> providers = new ConcurrentHashMap<>();
    private final Clock clock;

    BedrockAuth(Clock clock) {
        this.clock = clock;
    }

    Map<String, String> toHeaders(Target target, String url, byte[] body) {
        String key = target.provider().getApiKey();
        if (!key.isBlank()) {
            return Map.of("Authorization", "Bearer " + key);
        }
        AwsSettings aws = target.provider().getAws();
        SdkHttpRequest request = SdkHttpRequest.builder().uri(URI.create(url)).method(SdkHttpMethod.POST).build();
        return sign(request, body, credentials(target.providerId(), aws), new Scope(aws.getRegion(), SERVICE, clock));
    }

    /** Where and when a signature is made: region and service of the credential scope, and the signing clock. */
    record Scope(String region, String service, Clock clock) {
    }

    /**
     * The SigV4 headers of {@code request} with {@code body} (all but {@code Host}, which the HTTP client writes from
     * the same URL): {@code Authorization}, {@code X-Amz-Date}, {@code x-amz-content-sha256} (the SDK's signer adds and
     * signs the payload hash) and, for session credentials, {@code X-Amz-Security-Token}.
     */
    static Map<String, String> sign(SdkHttpRequest request, byte[] body, AwsCredentials credentials, Scope scope) {
        SignedRequest signed = SIGNER.sign(r -> r.identity(credentials).request(request)
                .payload(ContentStreamProvider.fromByteArrayUnsafe(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, scope.service())
                .putProperty(AwsV4HttpSigner.REGION_NAME, scope.region())
                .putProperty(HttpSigner.SIGNING_CLOCK, scope.clock()));
        Map<String, String> headers = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> header : signed.request().headers().entrySet()) {
            if (!"host".equalsIgnoreCase(header.getKey())) {
                headers.put(header.getKey(), String.join(",", header.getValue()));
            }
        }
        return headers;
    }

    private AwsCredentials credentials(String providerId, AwsSettings aws) {
        AwsCredentialsProvider provider = providers.computeIfAbsent(providerId, id -> aws.getProfile().isBlank()
                ? DefaultCredentialsProvider.builder().build()
                : ProfileCredentialsProvider.builder().profileName(aws.getProfile()).build());
        try {
            return provider.resolveCredentials();
        } catch (SdkException e) {
            LOG.warn("deployment '{}': no AWS credentials to sign with: {}", providerId, e.getMessage());
            throw new GatewayException(502, new OpenAiError(providerId + ": the gateway has no AWS credentials for this "
                    + "deployment (see its log).", OpenAiError.SERVER_ERROR, null, "upstream_credentials_unavailable"));
        }
    }
}
