package dev.camelgateway.provider;

import dev.camelgateway.api.ChatRequest;
import dev.camelgateway.api.ChatTranslatedApi;
import dev.camelgateway.api.ClientRequest;
import dev.camelgateway.api.GatewayException;
import dev.camelgateway.api.JsonResponse;
import dev.camelgateway.routing.Target;
import dev.camelgateway.api.RequestContext;
import dev.camelgateway.api.ResponseHeaders;
import dev.camelgateway.resilience.UpstreamConnection;
import dev.camelgateway.resilience.UpstreamTimeoutException;
import dev.camelgateway.stream.ClientDisconnectedException;
import dev.camelgateway.stream.StreamContinuation;
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

    /**
     * The provider's request: URL, headers and body, as camel-http expects them — by the deployment's own binding of
     * the client's API (passthrough), or from the request's Chat Completions translation.
     */
    public void toUpstreamRequest(Exchange exchange) {
        RequestContext context = RequestContext.of(exchange);
        context.prepareAttempt();
        ClientRequest request = context.request();
        Target target = context.target();
        ApiBinding binding = adapters.binding(target, request);
        UpstreamRequest upstream;
        if (binding != null) {
            upstream = binding.toUpstreamRequest(request, target);
        } else if (request.api() instanceof ChatTranslatedApi) {
            ChatRequest canonical = request.canonical();
            StreamContinuation continuation = context.continuation();
            if (continuation != null && continuation.continuing()) {
                canonical = continuation.request(canonical, target); // the rest of a broken stream: prefill or regenerate
            }
            upstream = adapters.forType(target.type()).toUpstreamRequest(canonical, target);
        } else {
            throw GatewayException.badRequest("The model '" + request.model() + "' is served by the deployment '"
                    + target.providerId() + "' (type " + target.type() + "), which has no " + request.api().name()
                    + " API.", "model", "unsupported_api");
        }
        Message message = exchange.getMessage();
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_URI, upstream.url());
        message.setHeader(Exchange.HTTP_METHOD, HttpMethods.POST); // the enum camel-http wants: a String costs a converter miss per call
        message.setHeader(Exchange.CONTENT_TYPE, "application/json");
        message.setHeader("Accept", request.stream() ? "text/event-stream" : "application/json");
        upstream.headers().forEach(message::setHeader);
        message.setBody(upstream.body());
        exchange.setProperty("stream", request.stream());
    }

    /**
     * Runs just before each upstream call (inside the breaker, which sends nothing when open): a new attempt, which
     * the watchdog can cut from here on (the client left while the answer's headers are awaited).
     */
    public void startAttempt(Exchange exchange) {
        RequestContext context = RequestContext.of(exchange);
        Attempt attempt = context.startAttempt();
        UpstreamConnection connection = UpstreamConnection.begin();
        attempt.connection(connection);
        attempt.watch(watchdog.watchCall(attempt.timeouts(), attempt.startNanos(),
                context.clientProbe(), connection));
    }

    /**
     * The answer's body, read within {@code timeouts.response} of the attempt's start (its headers came within the
     * socket timeout, which is that budget too).
     */
    private byte[] readWatched(InputStream in, RequestContext context, Attempt attempt) throws IOException {
        if (in == null) {
            return new byte[0];
        }
        UpstreamWatchdog.Watch watch = watchdog.watchWhole(in, attempt.timeouts(),
                attempt.startNanos(), context.clientProbe(), attempt.connection());
        attempt.watch(watch);
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
            attempt.stopWatch();
        }
    }

    /**
     * A whole upstream answer → the client's answer with the gateway's headers: as the deployment's binding of the
     * client's API makes it, or the provider's {@code chat.completion} turned into the client's API.
     */
    public void toAnswer(Exchange exchange) throws IOException {
        RequestContext context = RequestContext.of(exchange);
        Attempt attempt = context.attempt();
        ClientRequest request = context.request();
        byte[] upstreamBody = readWatched(exchange.getMessage().getBody(InputStream.class), context, attempt);
        ApiBinding binding = adapters.binding(attempt.target(), request);
        byte[] answer;
        if (binding != null) {
            MappedResponse mapped = binding.toAnswer(upstreamBody, request, attempt.target());
            attempt.reportedUsage(mapped.usage());
            binding.answered(mapped, request, attempt.target());
            answer = mapped.body();
        } else {
            MappedResponse mapped = adapters.forType(attempt.target().type())
                    .toChatCompletion(upstreamBody, request.canonical(), attempt.target());
            // the attempt's usage first: turning the answer into the client's API may fail (a response not stored)
            attempt.reportedUsage(mapped.usage());
            if (mapped.usage() == null || mapped.usage().completionTokens() == null) { // kept for the token estimate
                ObjectNode completion = Json.objectOrNull(mapped.body());
                attempt.appendOutput(completion == null ? "" : OpenAiShapes.completionText(completion));
            }
            answer = request.translatedApi().answer(mapped.body(), request);
        }
        JsonResponse.set(exchange.getMessage(), 200, ResponseHeaders.of(context), answer);
    }
}
