package dev.camelgateway.resilience;

import dev.camelgateway.api.OpenAiError;
import dev.camelgateway.provider.UpstreamStreamException;

/** A timeout budget ran out and the watchdog cut the upstream call. */
public class UpstreamTimeoutException extends UpstreamStreamException {
    public static final String STALLED = "stream_stalled";
    public static final String TIMEOUT = "upstream_timeout";
    /** The request's own deadline (gateway.request-timeout) ran out during an attempt: final, and not the provider's fault. */
    public static final String REQUEST_DEADLINE = "request_deadline_exceeded";
    /** Not a timeout: the watchdog's ping found the client gone and cut the upstream call. */
    public static final String CLIENT_GONE = "client_gone";

    public UpstreamTimeoutException(String code, String message) {
        super(504, code, message, OpenAiError.SERVER_ERROR);
    }
}
