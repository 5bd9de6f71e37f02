package dev.camelgateway.provider;

/**
 * A stream event whose data is not the JSON object its provider sends. The mapper read nothing of it, so its state is
 * as before: the event can be skipped ({@code malformed-events: skip}, the default) or end the stream as an
 * {@code upstream_protocol_error} ({@code fail}).
 */
public class MalformedEventException extends UpstreamStreamException {
    public MalformedEventException(String message) {
        super(PROTOCOL_ERROR, message);
    }
}
