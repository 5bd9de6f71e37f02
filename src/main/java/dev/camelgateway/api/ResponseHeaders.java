package dev.camelgateway.api;

import java.util.LinkedHashMap;
import java.util.Map;

/** The gateway's own response headers (design §4.1), the same on JSON answers, streams and errors. */
public final class ResponseHeaders {
    private static final int MAX_CLIENT_ID = 256;

    private ResponseHeaders() {
    }

    public static Map<String, String> of(RequestContext context) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("x-request-id", context.requestId());
        String clientId = context.clientRequestId();
        if (clientId != null && !clientId.isBlank()) {
            headers.put("x-client-request-id", sanitize(clientId));
        }
        if (context.target() != null && context.attempts() > 0) {
            headers.put("x-gateway-provider", context.target().providerId());
            headers.put("x-gateway-attempts", Integer.toString(context.attempts()));
        }
        return headers;
    }

    /** Echoed back, so keep it printable and short. */
    private static String sanitize(String value) {
        String printable = value.replaceAll("[^\\x20-\\x7E]", "");
        return printable.length() > MAX_CLIENT_ID ? printable.substring(0, MAX_CLIENT_ID) : printable;
    }
}
