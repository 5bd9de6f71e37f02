package dev.camelgateway.provider;

import org.apache.camel.http.base.HttpOperationFailedException;
import org.apache.camel.support.DefaultMessage;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Which upstream response headers travel on, under which names, and how they are bounded. */
class UpstreamResponseHeadersTest {
    private static final Instant NOW = Instant.parse("2026-05-01T12:00:00Z");

    @Test
    void openAiRateLimitHeadersPassUnderTheirOwnNamesInLowerCase() {
        UpstreamResponseHeaders headers = UpstreamResponseHeaders.of(Map.of(
                "X-RateLimit-Limit-Requests", "5000", "x-ratelimit-remaining-tokens", "159976",
                "x-ratelimit-reset-requests", "12ms", "x-ratelimit-limit-tokens_usage_based", "160000"), NOW);

        assertThat(headers.rateLimits()).containsOnly(Map.entry("x-ratelimit-limit-requests", "5000"),
                Map.entry("x-ratelimit-remaining-tokens", "159976"), Map.entry("x-ratelimit-reset-requests", "12ms"),
                Map.entry("x-ratelimit-limit-tokens_usage_based", "160000"));
    }

    @Test
    void anthropicLimitsGetOpenAiNamesAndItsResetInstantBecomesTheTimeLeft() {
        UpstreamResponseHeaders headers = UpstreamResponseHeaders.of(Map.of(
                "anthropic-ratelimit-requests-limit", "1000", "anthropic-ratelimit-requests-remaining", "999",
                "anthropic-ratelimit-requests-reset", "2026-05-01T12:00:07Z",
                "anthropic-ratelimit-tokens-limit", "96000", "anthropic-ratelimit-tokens-remaining", "95000",
                "anthropic-ratelimit-tokens-reset", "2026-05-01T12:01:30.200Z"), NOW);

        assertThat(headers.rateLimits()).containsOnly(Map.entry("x-ratelimit-limit-requests", "1000"),
                Map.entry("x-ratelimit-remaining-requests", "999"), Map.entry("x-ratelimit-reset-requests", "7s"),
                Map.entry("x-ratelimit-limit-tokens", "96000"), Map.entry("x-ratelimit-remaining-tokens", "95000"),
                Map.entry("x-ratelimit-reset-tokens", "1m31s"));
    }

    @Test
    void anthropicResetTimesBelowASecondOrPastOrUnreadable() {
        assertThat(UpstreamResponseHeaders.timeLeft("2026-05-01T12:00:00.250Z", NOW)).isEqualTo("250ms");
        assertThat(UpstreamResponseHeaders.timeLeft("2026-05-01T11:59:00Z", NOW)).isEqualTo("0s");
        assertThat(UpstreamResponseHeaders.timeLeft("2026-05-01T14:00:00+01:00", NOW)).isEqualTo("1h0m0s");
        assertThat(UpstreamResponseHeaders.of(Map.of("anthropic-ratelimit-requests-reset", "soon"), NOW).rateLimits()).isEmpty();
    }

    @Test
    void headersWithoutAnOpenAiMeaningAndEveryOtherUpstreamHeaderStayBehind() {
        UpstreamResponseHeaders headers = UpstreamResponseHeaders.of(Map.of(
                "anthropic-ratelimit-input-tokens-limit", "80000", "anthropic-ratelimit-unified-reset", "1780000000",
                "openai-organization", "org-secret", "set-cookie", "__cf_bm=1", "x-ratelimit-bad name", "1",
                "Content-Type", "application/json"), NOW);

        assertThat(headers).isSameAs(UpstreamResponseHeaders.NONE);
        assertThat(headers.clientHeaders()).isEmpty();
    }

    @Test
    void valuesArePrintableAndCappedAndSoIsTheirCount() {
        Map<String, Object> upstream = new LinkedHashMap<>();
        upstream.put("x-ratelimit-limit-requests", "50\r\nSet-Cookie: evil=1");
        upstream.put("x-ratelimit-remaining-requests", "9".repeat(500));
        upstream.put("x-ratelimit-reset-requests", "\u0001\u0002");
        for (int i = 0; i < 40; i++) {
            upstream.put("x-ratelimit-extra-" + i, "1");
        }

        UpstreamResponseHeaders headers = UpstreamResponseHeaders.of(upstream, NOW);

        assertThat(headers.rateLimits().get("x-ratelimit-limit-requests")).isEqualTo("50Set-Cookie: evil=1");
        assertThat(headers.rateLimits().get("x-ratelimit-remaining-requests")).hasSize(UpstreamResponseHeaders.MAX_VALUE);
        assertThat(headers.rateLimits()).doesNotContainKey("x-ratelimit-reset-requests");
        assertThat(headers.rateLimits()).hasSize(UpstreamResponseHeaders.MAX_RATE_LIMIT_HEADERS);
    }

    @Test
    void theRequestIdIsReadUnderEachProvidersNameAndBounded() {
        assertThat(UpstreamResponseHeaders.of(Map.of("X-Request-Id", "req_openai"), NOW).requestId()).isEqualTo("req_openai");
        assertThat(UpstreamResponseHeaders.of(Map.of("request-id", "req_011CSLs"), NOW).requestId()).isEqualTo("req_011CSLs");
        assertThat(UpstreamResponseHeaders.of(Map.of("Mistral-Correlation-Id", "019ea88e"), NOW).requestId()).isEqualTo("019ea88e");
        assertThat(UpstreamResponseHeaders.of(Map.of("x-request-id", "r".repeat(300)), NOW).requestId())
                .hasSize(UpstreamResponseHeaders.MAX_REQUEST_ID);
        assertThat(UpstreamResponseHeaders.of(Map.of("request-id", "req_1"), NOW).clientHeaders())
                .containsExactly(Map.entry("x-upstream-request-id", "req_1"));
    }

    @Test
    void aRepeatedHeaderOnTheCamelMessageCountsByItsFirstValue() {
        DefaultMessage message = new DefaultMessage(new DefaultCamelContext());
        message.setHeader("X-Request-Id", List.of("first", "second"));

        assertThat(UpstreamResponseHeaders.of(message.getHeaders(), NOW).requestId()).isEqualTo("first");
    }

    @Test
    void anUpstreamErrorAnswerKeepsItsHeadersInCamelHttpsException() {
        HttpOperationFailedException failure = new HttpOperationFailedException("http://up", 429, "Too Many Requests", null,
                Map.of("x-ratelimit-remaining-requests", "0", "x-request-id", "req_429"), "{}");

        UpstreamResponseHeaders headers = UpstreamResponseHeaders.of(new RuntimeException(failure), NOW);

        assertThat(headers.requestId()).isEqualTo("req_429");
        assertThat(headers.rateLimits()).containsExactly(Map.entry("x-ratelimit-remaining-requests", "0"));
        assertThat(UpstreamResponseHeaders.of(new java.net.ConnectException("refused"), NOW)).isSameAs(UpstreamResponseHeaders.NONE);
    }
}
