package dev.camelgateway.stream;

import dev.camelgateway.api.RequestContext;
import dev.camelgateway.provider.Attempt;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.util.List;

/** Writes an attempt's frames to the client as SSE events; when the client is gone, aborts the upstream call at once. */
@Component("sseWriter")
public class SseWriter {

    @SuppressWarnings("unchecked")
    public void write(Exchange exchange) throws IOException {
        List<SseFrame> frames = exchange.getMessage().getBody(List.class);
        RequestContext context = RequestContext.of(exchange);
        Attempt attempt = context.attempt();
        try {
            // flushed unless the next upstream event is already buffered: a burst goes out in one write, and an event
            // never waits for the network behind an unflushed one
            context.sse().send(frames, !attempt.moreEventsBuffered());
            if (!frames.isEmpty()) {
                attempt.markFirstByte();
            }
        } catch (ClientDisconnectedException e) {
            attempt.cutStream();
            throw e;
        }
    }

    /** The successful end of a stream (Chat Completions: {@code data: [DONE]}; a passthrough: what the upstream sent). Nothing is left for platform-http to write. */
    public void done(Exchange exchange) throws IOException {
        RequestContext context = RequestContext.of(exchange);
        try {
            context.sse().send(context.attempt().stream().end());
        } catch (ClientDisconnectedException e) {
            context.attempt().cutStream();
            throw e;
        }
        exchange.getMessage().removeHeaders("*");
        exchange.getMessage().setBody(null);
    }
}
