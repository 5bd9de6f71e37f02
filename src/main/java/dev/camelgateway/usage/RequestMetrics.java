package dev.camelgateway.usage;

import dev.camelgateway.api.RequestContext;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

import java.util.concurrent.TimeUnit;

/**
 * The last step of every API request: {@code gateway.requests}, {@code gateway.request.duration} and
 * {@code gateway.overhead} (the request's time minus the time its upstream attempts took).
 */
@Component("requestMetrics")
public class RequestMetrics {
    private final MeterRegistry meters;
    private final MetricTags tags;

    public RequestMetrics(MeterRegistry meters, MetricTags tags) {
        this.meters = meters;
        this.tags = tags;
    }

    public void record(Exchange exchange) {
        RequestContext context = exchange.getProperty(RequestContext.PROPERTY, RequestContext.class);
        if (context == null || context.request() == null) {
            return; // refused before its reader made a request of it (method, content type, JSON)
        }
        long total = System.nanoTime() - context.startNanos();
        String provider = context.target() == null ? "none" : tags.provider(context.target().providerId());
        String model = tags.model(context.request().model());
        String stream = Boolean.toString(context.request().stream());
        String api = context.request().api().name();
        Counter.builder("gateway.requests").description("Requests by how they ended").tag("provider", provider)
                .tag("model", model).tag("api", api).tag("outcome", context.outcome()).tag("stream", stream)
                .register(meters).increment();
        Timer.builder("gateway.request.duration").description("Request duration, client's view")
                .tag("provider", provider).tag("model", model).tag("api", api).tag("stream", stream)
                .publishPercentileHistogram().register(meters).record(total, TimeUnit.NANOSECONDS);
        String continuation = context.continuation() == null ? null
                : context.continuation().outcome("success".equals(context.outcome()));
        if (continuation != null) {
            Counter.builder("gateway.stream.continuations").description("Streams broken after their first byte, of aliases "
                    + "that continue them, by what became of them").tag("outcome", continuation).register(meters).increment();
        }
        Timer.builder("gateway.overhead").description("Time spent in the gateway, upstream time excluded")
                .tag("provider", provider).publishPercentileHistogram().register(meters)
                .record(Math.max(0, total - context.upstreamNanos()), TimeUnit.NANOSECONDS);
    }
}
