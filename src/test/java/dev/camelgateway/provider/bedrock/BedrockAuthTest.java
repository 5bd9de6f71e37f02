package dev.camelgateway.provider.bedrock;

import dev.camelgateway.routing.GatewayProperties;
import dev.camelgateway.routing.Target;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** Bedrock's credentials on a request: SigV4 as AWS documents it, and the bearer key. */
class BedrockAuthTest {
    private static final Clock SIGNING_TIME = Clock.fixed(Instant.parse("2015-08-30T12:36:00Z"), ZoneOffset.UTC);

    /**
     * AWS's documented example "GET Object" of Amazon S3 API Reference, "Signature Calculations for the Authorization
     * Header: Transferring Payload in a Single Chunk (AWS Signature Version 4)"
     * (https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-header-based-auth.html): {@code GET /test.txt} to
     * {@code examplebucket.s3.amazonaws.com} with {@code Range: bytes=0-9}, an empty body, access key
     * AKIAIOSFODNN7EXAMPLE / wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY at 20130524T000000Z, us-east-1, service s3 →
     * {@code SignedHeaders=host;range;x-amz-content-sha256;x-amz-date},
     * {@code Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41}. This example, not the SigV4
     * test suite's {@code post-vanilla}: the SDK's signer always adds and signs {@code x-amz-content-sha256}, which the
     * suite's vectors do not have (their headers are host;x-amz-date only), and S3's examples do.
     */
    @Test
    void theSignerReproducesAwsDocumentedExampleSignature() {
        SdkHttpRequest request = SdkHttpRequest.builder().uri(URI.create("https://examplebucket.s3.amazonaws.com/test.txt"))
                .method(SdkHttpMethod.GET).putHeader("Range", "bytes=0-9").build();

        Map<String, String> headers = BedrockAuth.sign(request, new byte[0],
                AwsBasicCredentials.create("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"),
                new BedrockAuth.Scope("us-east-1", "s3",
                        Clock.fixed(Instant.parse("2013-05-24T00:00:00Z"), ZoneOffset.UTC)));

        assertThat(headers.get("Authorization")).isEqualTo("AWS4-HMAC-SHA256 "
                + "Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, "
                + "SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, "
                + "Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41");
        assertThat(headers.get("x-amz-content-sha256")).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(headers.get("X-Amz-Date")).isEqualTo("20130524T000000Z");
    }

    /** A Converse call signed with session credentials carries what Bedrock checks, scoped to its region and service. */
    @Test
    void aSignedBedrockRequestCarriesTheHeadersTheServiceChecks() {
        GatewayProperties.Provider provider = new GatewayProperties.Provider();
        provider.setType("bedrock");
        provider.setBaseUrl("https://bedrock-runtime.eu-west-3.amazonaws.com");
        provider.getAws().setRegion("eu-west-3");
        Target target = new Target("bedrock", provider, "eu.anthropic.claude-sonnet-4-5-20250929-v1:0");
        String url = BedrockModelIds.toUrl(target, false);
        byte[] body = "{\"messages\":[]}".getBytes(StandardCharsets.UTF_8);

        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(BedrockAuth.sign(SdkHttpRequest.builder().uri(URI.create(url)).method(SdkHttpMethod.POST).build(), body,
                AwsSessionCredentials.create("ASIAEXAMPLE", "secret-example", "session-token-example"),
                new BedrockAuth.Scope("eu-west-3", BedrockAuth.SERVICE, SIGNING_TIME)));

        assertThat(url).isEqualTo("https://bedrock-runtime.eu-west-3.amazonaws.com/model/"
                + "eu.anthropic.claude-sonnet-4-5-20250929-v1%3A0/converse");
        assertThat(headers.get("Authorization"))
                .startsWith("AWS4-HMAC-SHA256 Credential=ASIAEXAMPLE/20150830/eu-west-3/bedrock/aws4_request, ")
                .contains("SignedHeaders=host;x-amz-content-sha256;x-amz-date;x-amz-security-token, ")
                .matches(".*Signature=[0-9a-f]{64}$")
                .doesNotContain("secret-example");
        assertThat(headers.get("X-Amz-Date")).isEqualTo("20150830T123600Z");
        assertThat(headers.get("x-amz-content-sha256")).isEqualTo( // SHA-256 of the body
                "5e4ce7b36ba37b78a5d5f9fd08e6b7b54ba6879d651aa46ec9e1d6fa24ebe30a");
        assertThat(headers.get("X-Amz-Security-Token")).isEqualTo("session-token-example");
        assertThat(headers).doesNotContainKey("Host"); // the HTTP client writes it, from the same URL
    }

    @Test
    void aBedrockApiKeyIsSentAsABearerTokenUnsigned() {
        GatewayProperties.Provider provider = new GatewayProperties.Provider();
        provider.setType("bedrock");
        provider.setBaseUrl("https://bedrock-runtime.us-east-1.amazonaws.com");
        provider.setApiKey("ABSKexample-bedrock-api-key");
        provider.getAws().setRegion("us-east-1");
        Target target = new Target("bedrock", provider, "amazon.nova-lite-v1:0");

        Map<String, String> headers = new BedrockAuth(SIGNING_TIME).toHeaders(target, BedrockModelIds.toUrl(target, false), new byte[0]);

        assertThat(headers).isEqualTo(Map.of("Authorization", "Bearer ABSKexample-bedrock-api-key"));
    }
}
