package dev.camelgateway.api.messages;

import dev.camelgateway.api.Json;
import dev.camelgateway.api.JsonResponse;
import dev.camelgateway.api.RequestContext;
import dev.camelgateway.api.ResponseHeaders;
import dev.camelgateway.provider.ProviderAdapters;
import dev.camelgateway.routing.ModelResolver;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * The count_tokens route's steps (routes/messages.camel.yaml): whether the target's deployment counts tokens itself
 * (it has a count_tokens binding: type anthropic), and the gateway's own count for one that does not —
 * {@code {"input_tokens": N}} with {@value #LABEL}{@code : estimated}, since it is jtokkit's count, not the model's.
 */
@Component("tokenCounter")
public class TokenCounter {
    /** Response header on a count the gateway made. */
    public static final String LABEL = "x-gateway-token-count";
    private final ProviderAdapters adapters;

    public TokenCounter(ProviderAdapters adapters) {
        this.adapters = adapters;
    }

    /** Predicate: the current target's deployment answers count_tokens itself. */
    public boolean countsUpstream(Exchange exchange) {
        RequestContext context = RequestContext.of(exchange);
        return adapters.binding(context.target(), context.request()) != null;
    }

    /** The gateway's count as the answer; the fallback chain ends here (a count never fails). */
    public void estimate(Exchange exchange) {
        RequestContext context = RequestContext.of(exchange);
        long tokens = context.request().promptTokens();
        Map<String, String> headers = ResponseHeaders.of(context);
        headers.put(LABEL, "estimated");
        JsonResponse.set(exchange.getMessage(), 200, headers, Json.bytes(Json.object().put("input_tokens", tokens)));
        exchange.removeProperty(ModelResolver.PROVIDER_PROPERTY);
    }
}
