package dev.camelgateway.usage;

import dev.camelgateway.routing.GatewayProperties;
import io.micrometer.core.instrument.config.MeterFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.HashSet;
import java.util.Set;

/**
 * Metric tag values come only from the configuration: a client can send any model string, and a string per
 * series would let it grow the scrape without bound. Models the config names (aliases, their targets and
 * fallbacks, each provider's listed models) keep their name; anything else is {@code other}. A Micrometer filter
 * caps the values per tag as a second guard.
 */
@Configuration(proxyBeanMethods = false)
public class MetricTags {
    public static final String OTHER = "other";
    /** Per tag of every gateway.* meter; generous for a configuration, tiny for a scrape. */
    static final int MAX_VALUES_PER_TAG = 500;

    private final Set<String> providers;
    private final Set<String> models = new HashSet<>();
    private final Set<String> upstreamModels = new HashSet<>();

    public MetricTags(GatewayProperties properties) {
        this.providers = Set.copyOf(properties.getProviders().keySet());
        properties.getModels().forEach((alias, config) -> {
            models.add(alias);
            config.targets().forEach(this::addTarget);
            config.getFallbacks().forEach(this::addTarget);
        });
        properties.getProviders().forEach((id, provider) -> provider.getModels().forEach(m -> {
            models.add(id + "/" + m);
            upstreamModels.add(m);
        }));
    }

    private void addTarget(String target) {
        if (target != null && target.indexOf('/') > 0) {
            models.add(target);
            upstreamModels.add(target.substring(target.indexOf('/') + 1));
        }
    }

    /** The model as the client asked for it, when the config names it. */
    public String model(String requested) {
        return requested != null && models.contains(requested) ? requested : OTHER;
    }

    /** The model sent upstream, when the config names it. */
    public String upstreamModel(String upstream) {
        return upstream != null && upstreamModels.contains(upstream) ? upstream : OTHER;
    }

    public String provider(String id) {
        return id != null && providers.contains(id) ? id : OTHER;
    }

    @Bean
    MeterFilter gatewayModelTagGuard() {
        return MeterFilter.maximumAllowableTags("gateway.", "model", MAX_VALUES_PER_TAG, DENY_GATEWAY);
    }

    @Bean
    MeterFilter gatewayProviderTagGuard() {
        return MeterFilter.maximumAllowableTags("gateway.", "provider", MAX_VALUES_PER_TAG, DENY_GATEWAY);
    }

    @Bean
    MeterFilter gatewayTeamTagGuard() {
        return MeterFilter.maximumAllowableTags("gateway.", "team", MAX_VALUES_PER_TAG, DENY_GATEWAY);
    }

    private static final MeterFilter DENY_GATEWAY = MeterFilter.deny(id -> id.getName().startsWith("gateway."));
}
