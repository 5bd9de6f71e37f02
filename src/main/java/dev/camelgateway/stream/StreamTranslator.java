package dev.camelgateway.stream;

import dev.camelgateway.api.RequestContext;
import dev.camelgateway.provider.Attempt;
import dev.camelgateway.provider.ProviderAdapters;
import dev.camelgateway.provider.StreamMapper;
import dev.camelgateway.api.ClientRequest;
import dev.camelgateway.provider.ApiBinding;
import dev.camelgateway.routing.Target;
import dev.camelgateway.resilience.UpstreamWatchdog;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

import dev.camelgateway.provider.MalformedEventException;
import dev.camelgateway.routing.GatewayProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.InputStream;
import java.util.Iterator;

/**
 * The streaming steps of a provider route: split the upstream body into events (watched by the timeout watchdog),
 * map each event to the client's frames (its attempt's {@link ClientStream}), close the stream, and tell the usage an attempt consumed
 * when it ended early. Camel adapter only; the mapping lives in the mappers.
 */
@Component("streamTranslator")
public class StreamTranslator {
    private static final Logger LOG = LoggerFactory.getLogger(StreamTranslator.class);
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
        attempt.stream(clientStream(context, attempt.target()));
        UpstreamWatchdog.Watch watch = watchdog.watch(body, attempt.timeouts(),
                attempt.startNanos(), context.sse(), context.clientProbe(), attempt.connection());
        attempt.watch(watch);
        UpstreamEventIterator events = new UpstreamEventIterator(body, watch,
                adapters.forType(attempt.target().type()).streamFraming());
        attempt.events(events);
        return events;
    }

    /**
     * The deployment's own binding of the client's API, or the provider's mapper followed by the API's encoder (through
     * the request's continuation, when its alias continues broken streams).
     */
    private ClientStream clientStream(RequestContext context, Target target) {
        ClientRequest request = context.request();
        ApiBinding binding = adapters.binding(target, request);
        if (binding != null) {
            return binding.newStream(request, target);
        }
        StreamMapper mapper = adapters.forType(target.type()).newStreamMapper(request.canonical(), target);
        StreamContinuation continuation = context.continuation();
        return continuation != null ? continuation.newStream(mapper, () -> request.translatedApi().newStreamEncoder(request))
                : new TranslatedStream(mapper, request.translatedApi().newStreamEncoder(request));
    }

    /**
     * One upstream event → the client's frames to send (body), recording the usage and text it carried. An event that
     * is not valid JSON is skipped when the deployment says {@code malformed-events: skip}: the mapper read nothing of
     * it, so the rest of the answer maps as if it had not come.
     */
    public void toFrames(Exchange exchange) {
        SseEvent event = exchange.getMessage().getBody(SseEvent.class);
        Attempt attempt = RequestContext.of(exchange).attempt();
        try {
            emit(exchange, attempt, event == SseEvent.END ? ClientStream.ClientFrames.NOTHING : attempt.stream().next(event));
        } catch (MalformedEventException e) {
            if (attempt.target().provider().getMalformedEvents() == GatewayProperties.MalformedEvents.FAIL) {
                attempt.cutStream();
                throw e;
            }
            if (attempt.malformedEventSkipped()) {
                LOG.warn("Deployment '{}' sent a stream event that is not valid JSON ({} characters): skipped, the stream "
                        + "goes on (malformed-events: skip); later ones in this attempt are only counted",
                        attempt.target().providerId(), event.data() == null ? 0 : event.data().length());
            }
            emit(exchange, attempt, ClientStream.ClientFrames.NOTHING);
        } catch (RuntimeException e) {
            attempt.cutStream(); // before the client is told
            throw e;
        }
    }

    /** Upstream end of stream → the closing chunks, or an exception when the stream was incomplete. */
    public void finish(Exchange exchange) {
        Attempt attempt = RequestContext.of(exchange).attempt();
        attempt.stopWatch();
        emit(exchange, attempt, attempt.stream().finish());
    }

    private static void emit(Exchange exchange, Attempt attempt, ClientStream.ClientFrames output) {
        if (output.usage() != null) {
            attempt.reportedUsage(output.usage());
        }
        if (!output.text().isEmpty()) {
            attempt.appendOutput(output.text());
        }
        exchange.getMessage().setBody(output.frames());
    }
}
