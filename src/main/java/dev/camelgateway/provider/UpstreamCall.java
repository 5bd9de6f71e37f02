package dev.camelgateway.provider;

import dev.camelgateway.api.JsonResponse;
import dev.camelgateway.api.RequestContext;
import dev.camelgateway.api.ResponseHeaders;
import dev.camelgateway.resilience.UpstreamConnection;
import dev.camelgateway.resilience.UpstreamTimeoutException;
import dev.camelgateway.stream.ClientDisconnectedException;
import dev.camelgateway.resilience.UpstreamWatchdog;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelgateway.api.Json;
import dev.camelgateway.provider.openai.OpenAiShapes;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.http.HttpMethods;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;

/**
 * The provider route's Camel adapter around the provider mappers: builds the upstream HTTP request from the
 * client's request (transform first), counts attempts, and maps a whole (non-streaming) answer back.
 */
@Component("upstreamCall")
public class UpstreamCall {
    private final ProviderAdapters adapters;
    private final UpstreamWatchdog watchdog;

    public UpstreamCall(ProviderAdapters adapters, UpstreamWatchdog watchdog) {
        this.adapters = adapters;
        this.watchdog = watchdog;
    }

    /** The provider's request: URL, headers and body, as camel-http expects them. */
    public void toUpstreamRequest(Exchange exchange) {
        RequestContext context = RequestContext.of(exchange);
        UpstreamRequest upstream = adapters.forType(context.target().type())
                .toUpstreamRequest(context.request(), context.target());
        Message message = exchange.getMessage();
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_URI, upstream.url());
        message.setHeader(Exchange.HTTP_METHOD, HttpMethods.POST); // the enum camel-http wants: a String costs a converter miss per call
        message.setHeader(Exchange.CONTENT_TYPE, "application/json");
        message.setHeader("Accept", context.request().stream() ? "text/event-stream" : "application/json");
        upstream.headers().forEach(message::setHeader);
        message.setBody(upstream.body());
        exchange.setProperty("stream", context.request().stream());
    }

    /**
     * Runs just before each upstream call, so a redelivered call counts too; from here the watchdog can cut the call
     * (the client left while the answer's headers are awaited).
     */
    public void countAttempt(Exchange exchange) {
        RequestContext context = RequestContext.of(exchange);
        context.countAttempt();
        UpstreamConnection connection = UpstreamConnection.begin();
        context.upstreamConnection(connection);
        context.watch(watchdog.watchCall(context.target().provider().getTimeouts(), context.attemptStartNanos(),
                context.clientProbe(), connection));
    }

    /**
     * The answer's body, read within {@code timeouts.response} of the attempt's start (its headers came within the
     * socket timeout, which is that budget too).
     */
    private byte[] readWatched(InputStream in, RequestContext context) throws IOException {
        if (in == null) {
            return new byte[0];
        }
        UpstreamWatchdog.Watch watch = watchdog.watchWhole(in, context.target().provider().getTimeouts(),
                context.attemptStartNanos(), context.clientProbe(), context.upstreamConnection());
        context.watch(watch);
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            UpstreamTimeoutException timeout = watch.toException();
            if (timeout != null && UpstreamTimeoutException.CLIENT_GONE.equals(timeout.error().code())) {
                throw new ClientDisconnectedException(e);
            }
            if (timeout != null) {
                throw timeout;
            }
            throw e;
        } finally {
            context.stopWatch();
        }
    }

    /** A whole upstream answer → the client's {@code chat.completion} JSON with the gateway's headers. */
    public void toChatCompletion(Exchange exchange) throws IOException {
        RequestContext context = RequestContext.of(exchange);
        byte[] upstreamBody = readWatched(exchange.getMessage().getBody(InputStream.class), context);
        MappedResponse mapped = adapters.forType(context.target().type())
                .toChatCompletion(upstreamBody, context.request(), context.target());
        Message message = exchange.getMessage();
        JsonResponse.set(message, 200, ResponseHeaders.of(context), mapped.body());
        context.reportedUsage(mapped.usage());
        if (mapped.usage() == null || mapped.usage().completionTokens() == null) { // kept for the token estimate
            ObjectNode completion = Json.objectOrNull(mapped.body());
            context.appendOutput(completion == null ? "" : OpenAiShapes.completionText(completion));
        }
    }
}
