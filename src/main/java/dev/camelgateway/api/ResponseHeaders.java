package dev.camelgateway.api;

import java.util.LinkedHashMap;
import java.util.Map;

/** The gateway's own response headers (design §4.1), the same on JSON answers, streams and errors. */
public final class ResponseHeaders {
    private ResponseHeaders() {
    }

    public static Map<String, String> of(RequestContext context) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("x-request-id", context.requestId());
        String clientId = context.clientRequestId();
        if (clientId != null) {
            headers.put("x-client-request-id", clientId);
        }
        if (context.target() != null && context.attempts() > 0) {
            headers.put("x-gateway-provider", context.target().providerId());
            headers.put("x-gateway-attempts", Integer.toString(context.attempts()));
            headers.putAll(context.upstreamHeaders().clientHeaders()); // the last attempt's rate limits and upstream id
        }
        return headers;
    }
}
