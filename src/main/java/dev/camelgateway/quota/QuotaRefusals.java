package dev.camelgateway.quota;

import dev.camelgateway.api.GatewayException;
import dev.camelgateway.api.OpenAiError;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The answers of a refused admission, in OpenAI's shapes: 429 {@code rate_limit_exceeded} (type {@code requests} or
 * {@code tokens}, as OpenAI's own) with {@code Retry-After}, {@code retry-after-ms} and the {@code x-ratelimit-*}
 * headers, which the SDKs wait out and retry; 429 {@code budget_exceeded} (type {@code insufficient_quota}) with
 * {@code x-should-retry: false}, since only the next day or month helps; 503 {@code quota_unavailable} when the store
 * is down and its policy is closed. Counted in {@code gateway.quota.refused} (tags limit, scope: key or team).
 */
@Component
public class QuotaRefusals {
    private final MeterRegistry meters;
    private final QuotaProperties properties;

    public QuotaRefusals(MeterRegistry meters, QuotaProperties properties) {
        this.meters = meters;
        this.properties = properties;
    }

    public GatewayException refused(Admission.Refused refused, List<QuotaStore.Scope> scopes) {
        String scope = refused.scopeId().startsWith("team:") ? "team" : "key";
        String who = (scope.equals("team") ? "the team '" : "the gateway key '")
                + refused.scopeId().substring(refused.scopeId().indexOf(':') + 1) + "'";
        Counter.builder("gateway.quota.refused").description("Requests refused by a key's or team's limit")
                .tag("limit", refused.limit().name().toLowerCase(Locale.ROOT)).tag("scope", scope).register(meters).increment();
        long seconds = Math.max(1, (refused.retryAfterMillis() + 999) / 1000);
        Map<String, String> headers = new LinkedHashMap<>(RateLimitHeaders.of(refused.status()));
        headers.put("Retry-After", Long.toString(seconds));
        headers.put("retry-after-ms", Long.toString(refused.retryAfterMillis()));
        if (refused.limit().budget()) {
            headers.put("x-should-retry", "false");
            return new GatewayException(429, new OpenAiError("The " + describe(refused.limit()) + " of " + who
                    + " is spent; it renews in " + RateLimitHeaders.duration(refused.retryAfterMillis()) + ".",
                    "insufficient_quota", null, "budget_exceeded"), headers);
        }
        String type = refused.limit() == Admission.Limit.TPM ? "tokens" : "requests";
        return new GatewayException(429, new OpenAiError("Rate limit reached for " + who + " on "
                + describe(refused.limit()) + ". Please try again in " + RateLimitHeaders.duration(refused.retryAfterMillis())
                + ".", type, null, "rate_limit_exceeded"), headers);
    }

    /** The store is down: refuses when the policy for a limit these scopes have is closed; returns otherwise. */
    public void checkWhenStoreDown(List<QuotaStore.Scope> scopes) {
        boolean budgets = scopes.stream().anyMatch(s -> s.limits().budgeted());
        boolean rates = scopes.stream().anyMatch(s -> s.limits().rateLimited());
        boolean refuse = budgets && properties.getBudgetsWhenDown() == QuotaProperties.FailMode.CLOSED
                || rates && properties.getRateLimitsWhenDown() == QuotaProperties.FailMode.CLOSED;
        Counter.builder("gateway.quota.store.decisions").description("Requests decided while the quota store was down")
                .tag("decision", refuse ? "refused" : "admitted").register(meters).increment();
        if (refuse) {
            throw new GatewayException(503, new OpenAiError("The gateway cannot check this key's " + (budgets ? "budget"
                    : "rate limits") + " right now; try again shortly.", OpenAiError.SERVER_ERROR, null, "quota_unavailable"),
                    Map.of("Retry-After", "1"));
        }
    }

    private static String describe(Admission.Limit limit) {
        return switch (limit) {
            case RPM -> "requests per minute (RPM)";
            case TPM -> "tokens per minute (TPM)";
            case PARALLEL -> "parallel requests";
            case DAILY_TOKENS -> "daily token budget";
            case MONTHLY_TOKENS -> "monthly token budget";
            case DAILY_USD -> "daily budget (USD)";
            case MONTHLY_USD -> "monthly budget (USD)";
        };
    }
}
