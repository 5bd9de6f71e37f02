package dev.camelgateway.usage;

import dev.camelgateway.routing.GatewayProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MetricTagsTest {

    @Test
    void onlyConfiguredNamesBecomeTagValues() {
        MetricTags tags = new MetricTags(properties());
        assertThat(tags.model("fast")).isEqualTo("fast");
        assertThat(tags.model("openai/gpt-4o")).isEqualTo("openai/gpt-4o");
        assertThat(tags.model("mistral/mistral-small")).as("an alias's fallback").isEqualTo("mistral/mistral-small");
        assertThat(tags.model("openai/gpt-made-up")).isEqualTo(MetricTags.OTHER);
        assertThat(tags.upstreamModel("gpt-4o")).isEqualTo("gpt-4o");
        assertThat(tags.upstreamModel("anything")).isEqualTo(MetricTags.OTHER);
        assertThat(tags.provider("openai")).isEqualTo("openai");
        assertThat(tags.provider("acme")).isEqualTo(MetricTags.OTHER);
        assertThat(tags.model(null)).isEqualTo(MetricTags.OTHER);
    }

    /** The second guard: past the cap, new gateway.* series are dropped, other meters are untouched. */
    @Test
    void theTagGuardCapsValuesPerTag() {
        MetricTags tags = new MetricTags(properties());
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        registry.config().meterFilter(tags.gatewayModelTagGuard()).meterFilter(tags.gatewayProviderTagGuard())
                .meterFilter(tags.gatewayTeamTagGuard());
        for (int i = 0; i < MetricTags.MAX_VALUES_PER_TAG + 100; i++) {
            Counter.builder("gateway.requests").tag("model", "m" + i).tag("provider", "p").register(registry).increment();
            Counter.builder("gateway.cost").tag("team", "t" + i).register(registry).increment();
            Counter.builder("other.meter").tag("model", "m" + i).register(registry).increment();
        }
        assertThat(registry.find("gateway.requests").counters()).hasSize(MetricTags.MAX_VALUES_PER_TAG);
        assertThat(registry.find("gateway.cost").counters()).hasSize(MetricTags.MAX_VALUES_PER_TAG);
        assertThat(registry.find("other.meter").counters()).hasSize(MetricTags.MAX_VALUES_PER_TAG + 100);
    }

    private static GatewayProperties properties() {
        GatewayProperties properties = new GatewayProperties();
        GatewayProperties.Provider openai = new GatewayProperties.Provider();
        openai.setModels(List.of("gpt-4o"));
        properties.getProviders().put("openai", openai);
        properties.getProviders().put("mistral", new GatewayProperties.Provider());
        GatewayProperties.ModelAlias fast = new GatewayProperties.ModelAlias();
        fast.setTarget("openai/gpt-4o-mini");
        fast.setFallbacks(List.of("mistral/mistral-small"));
        properties.getModels().put("fast", fast);
        return properties;
    }
}
