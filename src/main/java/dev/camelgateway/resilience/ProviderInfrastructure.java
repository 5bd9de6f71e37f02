package dev.camelgateway.resilience;

import dev.camelgateway.routing.GatewayProperties;
import dev.camelgateway.routing.Resilience;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.component.http.HttpComponent;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.io.HttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.springframework.stereotype.Component;

/**
 * What each provider's route needs from Java, built from its config before the routes start: HTTP components of its
 * own ({@code upstream-<id>} for streams, {@code upstream-<id>-whole} for whole answers, whose reads may take
 * {@code timeouts.response}; one connection pool, connect and socket timeouts, no HttpClient retries) and a Resilience4j
 * circuit breaker ({@code breaker-<id>}) whose state and calls are Micrometer metrics. Only failures that say the
 * provider is unhealthy count against it (5xx, timeouts, broken connections); 4xx, 429 and client aborts are not
 * counted at all.
 */
@Component
public class ProviderInfrastructure implements CamelContextConfiguration {
    private final GatewayProperties properties;
    private final CircuitBreakerRegistry breakers = CircuitBreakerRegistry.ofDefaults();

    public ProviderInfrastructure(GatewayProperties properties, MeterRegistry meters) {
        this.properties = properties;
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers).bindTo(meters);
    }

    @Override
    public void beforeApplicationStart(CamelContext camel) {
        properties.getProviders().forEach((id, provider) -> {
            HttpClientConnectionManager pool = new AbortableConnections(connectionPool(provider, longestRead(provider.getTimeouts())));
            camel.addComponent("upstream-" + id, httpComponent(provider, pool, streamRead(provider.getTimeouts())));
            // whole answers: the same pool, a read budget of timeouts.response (the headers come with the answer)
            camel.addComponent("upstream-" + id + "-whole", httpComponent(provider, pool, wholeRead(provider.getTimeouts())));
            camel.getRegistry().bind("breaker-" + id, CircuitBreaker.class, breaker(id, provider.getCircuitBreaker()));
        });
    }

    @Override
    public void afterApplicationStart(CamelContext camel) {
        // nothing: everything is in place before the routes start
    }

    public CircuitBreakerRegistry breakers() {
        return breakers;
    }

    /**
     * A stream's longest silence: before the answer's headers (first-event) or between events (idle); the watchdog
     * enforces the shorter one and the total budget.
     */
    private static long streamRead(Resilience.Timeouts timeouts) {
        return Math.max(timeouts.getFirstEvent().toMillis(), timeouts.getIdle().toMillis());
    }

    /** A whole answer's headers may come as late as timeouts.response; the watchdog bounds the body by it too. */
    private static long wholeRead(Resilience.Timeouts timeouts) {
        return timeouts.getResponse().toMillis();
    }

    private static long longestRead(Resilience.Timeouts timeouts) {
        return Math.max(streamRead(timeouts), wholeRead(timeouts));
    }

    private static HttpComponent httpComponent(GatewayProperties.Provider provider, HttpClientConnectionManager pool,
                                               long readMillis) {
        Resilience.Timeouts timeouts = provider.getTimeouts();
        HttpComponent http = new HttpComponent();
        http.setConnectTimeout(timeouts.getConnect().toMillis());
        http.setResponseTimeout(readMillis); // HttpClient 5 applies this one to each request's reads, over the pool's
        http.setConnectionRequestTimeout(timeouts.getConnect().toMillis());
        http.setClientConnectionManager(pool);
        // on the client builder itself (the component's automaticRetriesDisabled flag did not stop it): HttpClient 5
        // otherwise repeats 429 and 503 answers on its own, under the gateway's retries. No Accept-Encoding either: a
        // decompressing stream always reports bytes available (so a chunk waited for the next ping instead of being
        // flushed), and closing it reads the rest of the body where an abort should cut the connection.
        http.setHttpClientConfigurer(builder -> builder.disableAutomaticRetries().disableContentCompression());
        return http;
    }

    /**
     * The provider's connection pool. Built here rather than by camel-http, which offers no way to check a pooled
     * connection before reuse: one that the upstream closed while it sat idle (keep-alive timeouts) would fail the
     * next call with {@code NoHttpResponseException}, a retry and a failure against the breaker.
     */
    private static PoolingHttpClientConnectionManager connectionPool(GatewayProperties.Provider provider, long readMillis) {
        return PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(provider.getMaxConnections())
                .setMaxConnPerRoute(provider.getMaxConnections())
                .setDefaultSocketConfig(SocketConfig.custom().setSoTimeout(Timeout.ofMilliseconds(readMillis)).build())
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.ofMilliseconds(provider.getTimeouts().getConnect().toMillis()))
                        .setSocketTimeout(Timeout.ofMilliseconds(readMillis))
                        .setValidateAfterInactivity(TimeValue.ofMilliseconds(provider.getRevalidateAfterIdle().toMillis()))
                        .build())
                .build();
    }

    private CircuitBreaker breaker(String id, Resilience.CircuitBreaker config) {
        return breakers.circuitBreaker(id, CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(config.getSlidingWindowSize())
                .minimumNumberOfCalls(config.getMinimumNumberOfCalls())
                .failureRateThreshold(config.getFailureRateThreshold())
                .waitDurationInOpenState(config.getWaitInOpenState())
                .permittedNumberOfCallsInHalfOpenState(config.getPermittedCallsInHalfOpenState())
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .recordException(FailureClassifier::countsAgainstProvider)
                // neither failure nor success: a 429, a refused request or a client that left says nothing about the
                // provider's health, and counted as successes they diluted the failure rate
                .ignoreException(failure -> !FailureClassifier.countsAgainstProvider(failure))
                .writableStackTraceEnabled(false)
                .build());
    }
}
