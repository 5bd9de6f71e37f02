package dev.camelgateway.stream;

import dev.camelgateway.api.RequestContext;
import dev.camelgateway.provider.Attempt;
import dev.camelgateway.provider.ProviderAdapters;
import dev.camelgateway.provider.StreamMapper;
import dev.camelgateway.provider.StreamOutput;
import dev.camelgateway.resilience.UpstreamWatchdog;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

import java.io.InputStream;
import java.util.Iterator;

/**
 * The streaming steps of a provider route: split the upstream body into events (watched by the timeout watchdog),
 * map each event with the provider's {@link StreamMapper}, close the stream, and tell the usage an attempt consumed
 * when it ended early. Camel adapter only; the mapping lives in the mappers.
 */
@Component("streamTranslator")
public class StreamTranslator {
    private final ProviderAdapters adapters;
    private final UpstreamWatchdog watchdog;

    public StreamTranslator(ProviderAdapters adapters, UpstreamWatchdog watchdog) {
        this.adapters = adapters;
        this.watchdog = watchdog;
    }

    /** Split source: the upstream events, read lazily. Starts a fresh stream mapper for this attempt. */
    public Iterator<SseEvent> events(Exchange exchange) {
        RequestContext context = RequestContext.of(exchange);
        Attempt attempt = context.attempt();
        InputStream body = exchange.getMessage().getBody(InputStream.class);
        attempt.streamMapper(adapters.forType(attempt.target().type()).newStreamMapper(context.request(), attempt.target()));
        UpstreamWatchdog.Watch watch = watchdog.watch(body, attempt.target().provider().getTimeouts(),
                attempt.startNanos(), context.sse(), context.clientProbe(), attempt.connection());
        attempt.watch(watch);
        UpstreamEventIterator events = new UpstreamEventIterator(body, watch);
        attempt.events(events);
        return events;
    }

    /** One upstream event → the OpenAI chunks to send (body) and any usage it carried (property). */
    public void toChunks(Exchange exchange) {
        SseEvent event = exchange.getMessage().getBody(SseEvent.class);
        Attempt attempt = RequestContext.of(exchange).attempt();
        try {
            emit(exchange, attempt, event == SseEvent.END ? StreamOutput.NOTHING : attempt.streamMapper().toChunks(event));
        } catch (RuntimeException e) {
            attempt.cutStream(); // before the client is told
            throw e;
        }
    }

    /** Upstream end of stream → the closing chunks, or an exception when the stream was incomplete. */
    public void finish(Exchange exchange) {
        Attempt attempt = RequestContext.of(exchange).attempt();
        attempt.stopWatch();
        emit(exchange, attempt, attempt.streamMapper().finish());
    }

    private static void emit(Exchange exchange, Attempt attempt, StreamOutput output) {
        if (output.usage() != null) {
            attempt.reportedUsage(output.usage());
        }
        if (!output.text().isEmpty()) {
            attempt.appendOutput(output.text());
        }
        exchange.getMessage().setBody(output.chunks());
    }
}
