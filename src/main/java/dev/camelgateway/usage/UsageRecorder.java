package dev.camelgateway.usage;

import dev.camelgateway.api.RequestContext;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The usage route's step (reached through a wire tap, off the client's thread): counts reported tokens in
 * {@code gateway.tokens} and logs them at debug. The ledger comes with the usage issue.
 */
@Component("usageRecorder")
public class UsageRecorder {
    /** Exchange property holding the {@link Usage} an upstream event or answer reported. */
    public static final String USAGE = "usage";
    private static final Logger LOG = LoggerFactory.getLogger(UsageRecorder.class);

    private final MeterRegistry registry;

    public UsageRecorder(MeterRegistry registry) {
        this.registry = registry;
    }

    public void record(Exchange exchange) {
        Usage usage = exchange.getProperty(USAGE, Usage.class);
        RequestContext context = RequestContext.of(exchange);
        if (usage == null || context.target() == null) {
            return;
        }
        String provider = context.target().providerId();
        String model = context.target().upstreamModel();
        count(provider, model, "prompt", usage.promptTokens());
        count(provider, model, "completion", usage.completionTokens());
        LOG.debug("usage request_id={} provider={} model={} prompt={} completion={} total={}", context.requestId(),
                provider, model, usage.promptTokens(), usage.completionTokens(), usage.totalTokens());
    }

    private void count(String provider, String model, String type, Long tokens) {
        if (tokens != null && tokens > 0) {
            Counter.builder("gateway.tokens").description("Tokens reported by upstreams")
                    .tag("provider", provider).tag("model", model).tag("type", type)
                    .register(registry).increment(tokens);
        }
    }
}
