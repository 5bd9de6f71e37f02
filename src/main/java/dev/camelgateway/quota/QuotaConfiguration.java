package dev.camelgateway.quota;

import dev.camelgateway.routing.GatewayProperties;
import io.lettuce.core.RedisURI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Duration;

/**
 * The quota store: Redis when {@code gateway.quota.redis-url} is set (every instance counts in the same place),
 * otherwise this instance's memory (the same semantics, for one instance). Either way a lost budget counter is seeded
 * from the ledger.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(QuotaProperties.class)
public class QuotaConfiguration {
    private static final Logger LOG = LoggerFactory.getLogger(QuotaConfiguration.class);

    @Bean
    QuotaStore quotaStore(QuotaProperties properties, LedgerTotals ledger, Clock clock, GatewayProperties gateway) {
        checkReservationTtl(properties.getReservationTtl(), gateway);
        if (properties.getRedisUrl() == null || properties.getRedisUrl().isBlank()) {
            LOG.info("Quota: limits and budgets counted in memory (one instance; set gateway.quota.redis-url to share them)");
            return new InMemoryQuotaStore(properties.getReservationTtl(), ledger, clock);
        }
        RedisURI uri = RedisURI.create(properties.getRedisUrl());
        RedisQuotaStore store = new RedisQuotaStore(uri, new RedisQuotaStore.Settings(properties.getRedisKeyPrefix(),
                properties.getRedisTimeout(), properties.getReservationTtl()), ledger, clock);
        if (store.awaitConnected(Duration.ofSeconds(5))) {
            LOG.info("Quota: limits and budgets counted in Redis at {}:{}", uri.getHost(), uri.getPort());
        } else { // the gateway still starts: the fail-open/closed policies decide until Redis answers
            LOG.warn("Quota: Redis at {}:{} does not answer; budgets are {} and rate limits {} until it does", uri.getHost(),
                    uri.getPort(), properties.getBudgetsWhenDown().name().toLowerCase(),
                    properties.getRateLimitsWhenDown().name().toLowerCase());
        }
        return store;
    }

    /**
     * Each attempt's settle renews a reservation, so its ttl should outlast the longest attempt of any deployment (and
     * the wait before it): shorter, a live request's parallel slot and estimate could lapse while it runs. A warning, not
     * a refusal: a short ttl is right where attempts are short in practice (and in tests of instances dying).
     */
    static void checkReservationTtl(Duration ttl, GatewayProperties gateway) {
        gateway.getProviders().forEach((id, provider) -> {
            Duration total = provider.getTimeouts().getTotal();
            Duration response = provider.getTimeouts().getResponse();
            Duration longest = (total.compareTo(response) >= 0 ? total : response).plus(provider.getRetry().getMaxDelay());
            if (ttl.compareTo(longest) <= 0) {
                LOG.warn("gateway.quota.reservation-ttl ({}) is not longer than the longest attempt of deployment '{}' ({}: "
                        + "timeouts.total or .response, plus retry.max-delay): such an attempt's reservation may lapse while "
                        + "it runs (its parallel slot freed, its estimate no longer counted)", ttl, id, longest);
            }
        });
    }
}
