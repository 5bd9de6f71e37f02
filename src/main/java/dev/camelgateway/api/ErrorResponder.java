package dev.camelgateway.api;

import dev.camelgateway.provider.ApiBinding;
import dev.camelgateway.provider.ProviderAdapters;
import dev.camelgateway.routing.Target;
import dev.camelgateway.resilience.FailureClassifier;
import dev.camelgateway.stream.ClientDisconnectedException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The error contract (design §4.3) in one place, in the client's API ({@link ClientApi}). Before the first byte: an
 * HTTP status with its error envelope (Chat Completions: OpenAI's). After it: the attempt's stream's error frames (Chat
 * Completions: one {@code data: {"error":…}} event), and the stream ends without its completion ({@code [DONE]},
 * {@code message_stop}, {@code response.completed}). A passthrough client gets the upstream's own error body. Either
 * way the text passes the secret redactor, which keeps the provider keys out of it.
 */
@Component("errorResponder")
public class ErrorResponder {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorResponder.class);

    private final ProviderAdapters adapters;
    private final ErrorEnvelope envelope;
    private final ChatCompletionsApi chatCompletions;

    public ErrorResponder(ProviderAdapters adapters, ErrorEnvelope envelope, ChatCompletionsApi chatCompletions) {
        this.adapters = adapters;
        this.envelope = envelope;
        this.chatCompletions = chatCompletions;
    }

    public void respond(Exchange exchange) {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        RequestContext context = exchange.getProperty(RequestContext.PROPERTY, RequestContext.class);
        Message message = exchange.getMessage();
        if (find(failure, ClientDisconnectedException.class) != null) {
            LOG.debug("client went away: {}", failure.getMessage());
            message.removeHeaders("*");
            message.setBody(null);
            return;
        }
        write(exchange, context, toGatewayException(failure, context));
    }

    /** After the fallback chain: the last target's failure, when no target answered. */
    public void respondToFailure(Exchange exchange) {
        RequestContext context = RequestContext.of(exchange);
        if (context.failure() != null && !context.streamCommitted()) {
            write(exchange, context, context.failure());
        } else if (context.failure() != null && context.continuation() != null && context.continuation().continuing()) {
            context.outcome("interrupted"); // no continuation completed the broken stream: its error event
            write(exchange, context, context.failure());
        }
    }

    private void write(Exchange exchange, RequestContext context, GatewayException error) {
        Message message = exchange.getMessage();
        ClientErrorLog.refused(context == null ? "-" : context.logName(), error);
        String body = body(context, error);
        if (context != null && context.streamCommitted()) {
            context.sse().trySend(context.clientStream().error(body));
            message.removeHeaders("*");
            message.setBody(null);
            return;
        }
        Map<String, String> headers = context == null ? new LinkedHashMap<>() : ResponseHeaders.of(context); // a fresh map
        if (context != null && context.attempts() > 0) {
            headers.put("x-should-retry", "false"); // the gateway's retry policy has run: SDKs would multiply it
        }
        headers.putAll(envelope.headers(error));
        JsonResponse.set(message, error.status(), headers, body);
    }

    /** The upstream's own error for a passthrough client, keys masked; otherwise the error in the client API's envelope. */
    private String body(RequestContext context, GatewayException error) {
        ClientApi api = api(context);
        String upstreams = error.upstreamBody(api.name());
        return upstreams != null ? envelope.redact(upstreams) : api.errorBody(error, context);
    }

    /** The API the client speaks; Chat Completions for a request refused before its reader named one. */
    private ClientApi api(RequestContext context) {
        return context == null || context.clientApi() == null ? chatCompletions : context.clientApi();
    }

    /** The error the client is told for a failure (an upstream answer is mapped by its provider's error mapper). */
    public GatewayException toGatewayException(Throwable failure, RequestContext context) {
        GatewayException known = find(failure, GatewayException.class);
        if (known != null) {
            return known;
        }
        HttpOperationFailedException upstream = find(failure, HttpOperationFailedException.class);
        if (upstream != null && context != null && context.target() != null) {
            Target target = context.target();
            ApiBinding binding = context.request() == null ? null : adapters.binding(target, context.request());
            Map<String, String> headers = caseInsensitive(upstream.getResponseHeaders());
            return binding != null
                    ? binding.toGatewayException(target.providerId(), upstream.getStatusCode(), upstream.getResponseBody(), headers)
                    : adapters.forType(target.type()).toGatewayException(target.providerId(), upstream.getStatusCode(),
                    upstream.getResponseBody(), headers);
        }
        if (find(failure, CallNotPermittedException.class) != null) {
            // the breaker lets a probe through after wait-in-open-state at the latest: SDKs honour Retry-After
            long wait = context == null || context.target() == null ? 30
                    : context.target().provider().getCircuitBreaker().getWaitInOpenState().toMillis();
            return new GatewayException(503, new OpenAiError("The circuit breaker for this provider is open; try again later.",
                    OpenAiError.SERVER_ERROR, null, "circuit_open"), Map.of("Retry-After", Long.toString(Math.max(1, (wait + 999) / 1000))));
        }
        if (find(failure, SocketTimeoutException.class) != null || find(failure, ConnectTimeoutException.class) != null) {
            return serverError(504, "The upstream provider did not answer in time.", "upstream_timeout");
        }
        if (find(failure, ConnectException.class) != null || find(failure, UnknownHostException.class) != null) {
            return serverError(502, "The upstream provider could not be reached.", "upstream_unreachable");
        }
        if (find(failure, java.io.IOException.class) != null && context != null && context.target() != null) {
            return serverError(502, "The connection to the upstream provider broke: "
                    + find(failure, java.io.IOException.class).getMessage(), "stream_interrupted");
        }
        String requestId = context == null ? "-" : context.requestId();
        LOG.error("request {} failed inside the gateway", context == null ? "-" : context.logName(), failure);
        return serverError(500, "The gateway failed to process the request (request id " + requestId + ").", "internal_error");
    }

    private static GatewayException serverError(int status, String message, String code) {
        return new GatewayException(status, new OpenAiError(message, OpenAiError.SERVER_ERROR, null, code));
    }

    private static Map<String, String> caseInsensitive(Map<String, String> headers) {
        Map<String, String> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (headers != null) {
            map.putAll(headers);
        }
        return map;
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        return FailureClassifier.find(failure, type);
    }
}
