package dev.camelgateway.resilience;

import dev.camelgateway.api.ErrorResponder;
import dev.camelgateway.api.GatewayException;
import dev.camelgateway.provider.ProviderAdapters;
import dev.camelgateway.provider.UpstreamStreamException;
import dev.camelgateway.stream.ClientDisconnectedException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 4's table: which failures are retried, handed to a fallback, and counted against the provider. */
class FailureClassifierTest {

    @ParameterizedTest(name = "HTTP {0} → {1}")
    @CsvSource({"429, RATE_LIMITED", "408, SERVER_ERROR", "500, SERVER_ERROR", "502, SERVER_ERROR", "503, SERVER_ERROR",
            "504, SERVER_ERROR", "529, SERVER_ERROR", "400, CLIENT_ERROR", "401, CLIENT_ERROR", "403, CLIENT_ERROR",
            "404, CLIENT_ERROR", "413, CLIENT_ERROR", "422, CLIENT_ERROR"})
    void upstreamStatus(int status, FailureKind kind) {
        Throwable wrapped = new RuntimeCamelException(new HttpOperationFailedException("http://x", status, "s", null, Map.of(), ""));
        assertThat(FailureClassifier.classify(wrapped, false)).isEqualTo(kind);
        assertThat(FailureClassifier.classify(wrapped, true)).as("after the first byte nothing is retried")
                .isEqualTo(FailureKind.MID_STREAM);
    }

    @Test
    void connectionTimeoutBreakerClientAndGatewayFailures() {
        assertThat(FailureClassifier.classify(new ConnectException("refused"), false)).isEqualTo(FailureKind.CONNECTION);
        assertThat(FailureClassifier.classify(new IOException("reset"), false)).isEqualTo(FailureKind.CONNECTION);
        assertThat(FailureClassifier.classify(new SocketTimeoutException(), false)).isEqualTo(FailureKind.TIMEOUT);
        assertThat(FailureClassifier.classify(new UpstreamTimeoutException("upstream_timeout", "x"), false)).isEqualTo(FailureKind.TIMEOUT);
        assertThat(FailureClassifier.classify(CallNotPermittedException.createCallNotPermittedException(
                CircuitBreaker.ofDefaults("x")), false)).isEqualTo(FailureKind.CIRCUIT_OPEN);
        assertThat(FailureClassifier.classify(new UpstreamStreamException("overloaded_error", "x"), false)).isEqualTo(FailureKind.IN_BAND_ERROR);
        assertThat(FailureClassifier.classify(new UpstreamStreamException(UpstreamStreamException.INTERRUPTED, "x"), false))
                .isEqualTo(FailureKind.SERVER_ERROR);
        assertThat(FailureClassifier.classify(new dev.camelgateway.provider.MalformedEventException("x"), false))
                .isEqualTo(FailureKind.MALFORMED_EVENT);
        assertThat(FailureClassifier.classify(new UpstreamTimeoutException(UpstreamTimeoutException.STALLED, "x"), false))
                .isEqualTo(FailureKind.STALL);
        assertThat(FailureClassifier.classify(GatewayException.badRequest("x", "seed", "unsupported_parameter"), false))
                .isEqualTo(FailureKind.CLIENT_ERROR);
        assertThat(FailureClassifier.classify(new ClientDisconnectedException(new IOException()), false)).isEqualTo(FailureKind.CLIENT_GONE);
        assertThat(FailureClassifier.classify(new IllegalStateException("bug"), false)).isEqualTo(FailureKind.GATEWAY);
        assertThat(FailureClassifier.countsAgainstProvider(new ConnectException())).isTrue();
        assertThat(FailureClassifier.countsAgainstProvider(new HttpOperationFailedException("u", 429, "s", null, Map.of(), ""))).isFalse();
    }

    /** The mapped error tells a prompt too long or filtered, and the provider refusing the gateway's own key. */
    @Test
    void theMappedErrorRefinesAClientError() {
        Throwable http400 = new RuntimeCamelException(new HttpOperationFailedException("http://x", 400, "s", null, Map.of(), ""));
        Throwable http401 = new RuntimeCamelException(new HttpOperationFailedException("http://x", 401, "s", null, Map.of(), ""));
        assertThat(FailureClassifier.classify(http400, false, GatewayException.badRequest("too long", null,
                "context_length_exceeded"))).isEqualTo(FailureKind.CONTEXT_LENGTH);
        assertThat(FailureClassifier.classify(http400, false, GatewayException.badRequest("filtered", null,
                "content_filter"))).isEqualTo(FailureKind.CONTENT_FILTER);
        assertThat(FailureClassifier.classify(http401, false, new GatewayException(401, new dev.camelgateway.api.OpenAiError(
                "bad key", "authentication_error", null, "invalid_api_key")))).isEqualTo(FailureKind.CREDENTIAL_REFUSED);
        assertThat(FailureClassifier.classify(http400, false, GatewayException.badRequest("bad", "seed", "invalid_value")))
                .isEqualTo(FailureKind.CLIENT_ERROR);
        assertThat(FailureClassifier.classify(http400, true, GatewayException.badRequest("too long", null,
                "context_length_exceeded"))).as("after the first byte").isEqualTo(FailureKind.MID_STREAM);
    }

    @Test
    void anUnreachableUpstreamIsA502AndATimeoutA504() {
        var envelope = new dev.camelgateway.api.ErrorEnvelope(new dev.camelgateway.secrets.SecretRedactor(List.of()));
        ErrorResponder errors = new ErrorResponder(new ProviderAdapters(List.of()), envelope,
                new dev.camelgateway.api.ChatCompletionsApi(envelope));
        GatewayException unreachable = errors.toGatewayException(new RuntimeCamelException(new ConnectException("refused")), null);
        assertThat(unreachable.status()).isEqualTo(502);
        assertThat(unreachable.error().code()).isEqualTo("upstream_unreachable");
        assertThat(errors.toGatewayException(new SocketTimeoutException("read timed out"), null).status()).isEqualTo(504);
    }

    @Test
    void retryAfterIsReadInMillisecondsSecondsOrAsADate() {
        assertThat(UpstreamRetry.retryAfterMillis(withHeaders(Map.of("retry-after-ms", "1500")))).isEqualTo(1500);
        assertThat(UpstreamRetry.retryAfterMillis(withHeaders(Map.of("Retry-After", "2")))).isEqualTo(2000);
        assertThat(UpstreamRetry.retryAfterMillis(withHeaders(Map.of("Retry-After", "0.5")))).isEqualTo(500);
        assertThat(UpstreamRetry.retryAfterMillis(withHeaders(Map.of()))).isEqualTo(-1);
        String inTenSeconds = java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
                java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).plusSeconds(10));
        assertThat(UpstreamRetry.retryAfterMillis(withHeaders(Map.of("Retry-After", inTenSeconds)))).isBetween(8000L, 10000L);
    }

    private static GatewayException withHeaders(Map<String, String> headers) {
        return new GatewayException(429, new dev.camelgateway.api.OpenAiError("m", "t", null, null), headers);
    }
}
