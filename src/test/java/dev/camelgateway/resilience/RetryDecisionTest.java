package dev.camelgateway.resilience;

import dev.camelgateway.api.ChatCompletionsApi;
import dev.camelgateway.api.ErrorEnvelope;
import dev.camelgateway.api.ErrorResponder;
import dev.camelgateway.api.RequestContext;
import dev.camelgateway.provider.ProviderAdapters;
import dev.camelgateway.routing.GatewayProperties;
import dev.camelgateway.routing.Resilience;
import dev.camelgateway.routing.Target;
import dev.camelgateway.secrets.SecretRedactor;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The retry decision of one failed attempt, without a route: the deployment's on-failure table, its retries, and the
 * request's deadline (no attempt starts after it, no retry wait crosses it).
 */
class RetryDecisionTest {
    private final ErrorEnvelope envelope = new ErrorEnvelope(new SecretRedactor(List.of()));
    private final UpstreamRetry retry = new UpstreamRetry(new ErrorResponder(new ProviderAdapters(List.of()), envelope,
            new ChatCompletionsApi(envelope)), null);

    @Test
    void aResetIsRetriedAndATimeoutIsNotUnlessTheTableSaysSo() {
        GatewayProperties.Provider provider = provider();
        assertThat(retry.retryDelay(new ConnectException("reset"), afterOneAttempt(provider, Duration.ofMinutes(1)))).isNotNegative();
        assertThat(retry.retryDelay(new SocketTimeoutException(), afterOneAttempt(provider, Duration.ofMinutes(1)))).isEqualTo(-1);

        provider.getOnFailure().setTimeout(FailureAction.RETRY);
        assertThat(retry.retryDelay(new SocketTimeoutException(), afterOneAttempt(provider, Duration.ofMinutes(1)))).isNotNegative();
    }

    @Test
    void retriesStopAtMaxAttempts() {
        GatewayProperties.Provider provider = provider();
        provider.getRetry().setMaxAttempts(1);
        assertThat(retry.retryDelay(new ConnectException("reset"), afterOneAttempt(provider, Duration.ofMinutes(1)))).isEqualTo(-1);
    }

    @Test
    void noRetryPastTheRequestsDeadlineNorAWaitThatWouldCrossIt() {
        GatewayProperties.Provider provider = provider();
        assertThat(retry.retryDelay(new ConnectException("reset"), afterOneAttempt(provider, Duration.ZERO))).isEqualTo(-1);
        provider.getRetry().setBaseDelay(Duration.ofSeconds(2));
        provider.getRetry().setJitter(0);
        assertThat(retry.retryDelay(new ConnectException("reset"), afterOneAttempt(provider, Duration.ofSeconds(1))))
                .as("a 2 s backoff with 1 s left").isEqualTo(-1);
        assertThat(retry.retryDelay(new ConnectException("reset"), afterOneAttempt(provider, Duration.ofSeconds(30)))).isEqualTo(2000);
    }

    @Test
    void anAttemptsTotalBudgetIsCutToWhatRemainsOfTheRequest() {
        Resilience.Timeouts timeouts = new Resilience.Timeouts();
        assertThat(timeouts.within(Duration.ofHours(1))).isSameAs(timeouts);
        Resilience.Timeouts capped = timeouts.within(Duration.ofSeconds(5));
        assertThat(capped.getTotal()).isEqualTo(Duration.ofSeconds(5));
        assertThat(capped.getFirstEvent()).isEqualTo(timeouts.getFirstEvent());
        assertThat(timeouts.within(Duration.ofSeconds(-1)).getTotal()).isZero();

        RequestContext context = afterOneAttempt(provider(), Duration.ofSeconds(5));
        assertThat(context.attempt().timeouts().getTotal()).isBetween(Duration.ofSeconds(4), Duration.ofSeconds(5));
    }

    private static GatewayProperties.Provider provider() {
        GatewayProperties.Provider provider = new GatewayProperties.Provider();
        provider.setType("openai");
        provider.setBaseUrl("http://127.0.0.1:9/v1");
        return provider;
    }

    private static RequestContext afterOneAttempt(GatewayProperties.Provider provider, Duration requestTimeout) {
        RequestContext context = new RequestContext(null, null);
        context.deadline(requestTimeout);
        context.chain(List.of(new Target("p", provider, "m")));
        context.advance();
        context.startAttempt();
        return context;
    }
}
