package dev.camelgateway.stream;

import dev.camelgateway.api.RequestContext;
import dev.camelgateway.provider.ProviderAdapters;
import dev.camelgateway.provider.StreamMapper;
import dev.camelgateway.provider.StreamOutput;
import dev.camelgateway.usage.UsageRecorder;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

import java.io.InputStream;
import java.util.Iterator;

/**
 * The streaming steps of a provider route: split the upstream body into events, map each event with the
 * provider's {@link StreamMapper}, and close the stream. Camel adapter only; the mapping lives in the mappers.
 */
@Component("streamTranslator")
public class StreamTranslator {
    static final String MAPPER = "streamMapper";
    static final String UPSTREAM_BODY = "upstreamBody";

    private final ProviderAdapters adapters;

    public StreamTranslator(ProviderAdapters adapters) {
        this.adapters = adapters;
    }

    /** Split source: the upstream events, read lazily. Starts a fresh stream mapper for this attempt. */
    public Iterator<SseEvent> events(Exchange exchange) {
        RequestContext context = RequestContext.of(exchange);
        InputStream body = exchange.getMessage().getBody(InputStream.class);
        exchange.setProperty(UPSTREAM_BODY, body);
        exchange.setProperty(MAPPER, adapters.forType(context.target().type())
                .newStreamMapper(context.request(), context.target()));
        return new UpstreamEventIterator(body);
    }

    /** One upstream event → the OpenAI chunks to send (body) and any usage it carried (property). */
    public void toChunks(Exchange exchange) {
        SseEvent event = exchange.getMessage().getBody(SseEvent.class);
        emit(exchange, event == SseEvent.END ? StreamOutput.NOTHING
                : exchange.getProperty(MAPPER, StreamMapper.class).toChunks(event));
    }

    /** Upstream end of stream → the closing chunks, or an exception when the stream was incomplete. */
    public void finish(Exchange exchange) {
        emit(exchange, exchange.getProperty(MAPPER, StreamMapper.class).finish());
    }

    private static void emit(Exchange exchange, StreamOutput output) {
        exchange.getMessage().setBody(output.chunks());
        exchange.setProperty(UsageRecorder.USAGE, output.usage());
    }
}
