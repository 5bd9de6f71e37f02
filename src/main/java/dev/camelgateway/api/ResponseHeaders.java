package dev.camelgateway.api;

import dev.camelgateway.provider.Attempt;
import dev.camelgateway.quota.RateLimitHeaders;
import dev.camelgateway.quota.Reservation;

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
            Attempt attempt = context.attempt();
            if (attempt != null && attempt.target() == context.target()) { // not a previous target's (an open breaker)
                headers.putAll(attempt.upstreamHeaders().clientHeaders()); // the attempt's rate limits and upstream id
            }
        }
        Reservation reservation = context.reservation();
        Map<String, String> keyLimits = reservation == null ? Map.of() : RateLimitHeaders.of(reservation.status());
        if (!keyLimits.isEmpty()) { // the key's own limits replace the upstream's (the gateway's account, not the client's)
            headers.keySet().removeIf(name -> name.startsWith("x-ratelimit-"));
            headers.putAll(keyLimits);
        }
        return headers;
    }
}
