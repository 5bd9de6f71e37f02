package dev.camelgateway.provider;

import dev.camelgateway.api.GatewayException;
import dev.camelgateway.api.OpenAiError;

/** The upstream stream broke, stalled or reported an error in-band; the code says which. */
public class UpstreamStreamException extends GatewayException {
    public static final String INTERRUPTED = "stream_interrupted";
    public static final String PROTOCOL_ERROR = "upstream_protocol_error";

    public UpstreamStreamException(String code, String message) {
        this(502, code, message, OpenAiError.SERVER_ERROR);
    }

    public UpstreamStreamException(int status, String code, String message, String type) {
        super(status, new OpenAiError(message, type, null, code));
    }
}
