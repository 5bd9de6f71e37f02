package dev.camelgateway.api;

import java.util.Map;

/**
 * The error for an HTTP status the servlet container or Spring MVC produced outside the routes (unknown path, wrong
 * method, a request Tomcat could not parse): OpenAI's envelope with a code that names the status.
 */
final class StatusErrors {
    private static final Map<Integer, String> CODES = Map.ofEntries(Map.entry(400, "bad_request"),
            Map.entry(401, "unauthorized"), Map.entry(403, "forbidden"), Map.entry(404, "not_found"),
            Map.entry(405, "method_not_allowed"), Map.entry(406, "not_acceptable"), Map.entry(408, "request_timeout"),
            Map.entry(411, "length_required"), Map.entry(413, "request_too_large"), Map.entry(414, "uri_too_long"),
            Map.entry(415, "unsupported_media_type"), Map.entry(431, "request_header_fields_too_large"),
            Map.entry(501, "not_implemented"), Map.entry(503, "service_unavailable"));

    private StatusErrors() {
    }

    /** @param what the request line as far as it is known, e.g. {@code GET /nope}, or null */
    static GatewayException of(int status, String what, String requestId) {
        if (status >= 500) {
            return new GatewayException(status, new OpenAiError("The gateway failed to process the request (request id "
                    + requestId + ").", OpenAiError.SERVER_ERROR, null, CODES.getOrDefault(status, "internal_error")));
        }
        String message = switch (status) {
            case 404 -> "Unknown path" + (what == null ? "" : ": " + Bounded.of(what)) + ". The gateway serves POST "
                    + "/v1/chat/completions and GET /v1/models.";
            case 405 -> "Method not allowed" + (what == null ? "" : ": " + Bounded.of(what)) + ".";
            default -> "The request could not be processed (HTTP " + status + ")" + (what == null ? "" : ": "
                    + Bounded.of(what)) + ".";
        };
        return new GatewayException(status, new OpenAiError(message, OpenAiError.INVALID_REQUEST, null,
                CODES.getOrDefault(status, "invalid_request")));
    }
}
