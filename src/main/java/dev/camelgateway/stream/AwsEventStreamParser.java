package dev.camelgateway.stream;

import dev.camelgateway.api.Json;
import dev.camelgateway.provider.UpstreamStreamException;
import software.amazon.awssdk.eventstream.HeaderValue;
import software.amazon.awssdk.eventstream.Message;
import software.amazon.awssdk.eventstream.MessageDecoder;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The AWS event stream ({@code application/vnd.amazon.eventstream}: binary frames of prelude, headers, payload and
 * CRCs) → one {@link SseEvent} per frame, decoded by the AWS SDK's own {@link MessageDecoder}, which checks both CRCs
 * and keeps a frame split across reads until it is whole. The event is named by the frame's {@code :event-type}, an
 * exception frame ({@code :message-type exception}) by its {@code :exception-type}, an error frame
 * ({@code :message-type error}) {@code error} with {@code {"code", "message"}} from its headers; the data is the
 * payload (JSON) as text.
 */
public final class AwsEventStreamParser implements EventParser {
    /** The name of an event made of an error frame. */
    public static final String ERROR_EVENT = "error";
    private final List<SseEvent> decoded = new ArrayList<>(2);
    private final MessageDecoder decoder = new MessageDecoder(this::decoded);
    /** Bytes fed and not yet part of a whole frame. */
    private long buffered;

    @Override
    public List<SseEvent> feed(byte[] bytes, int offset, int length) {
        try {
            decoder.feed(bytes, offset, length);
        } catch (RuntimeException e) { // a bad prelude, a CRC that does not match, a frame over the decoder's limit
            throw new UpstreamStreamException(UpstreamStreamException.PROTOCOL_ERROR,
                    "The upstream sent a malformed AWS event-stream frame.");
        }
        buffered += length;
        List<SseEvent> events = List.copyOf(decoded);
        decoded.clear();
        return events;
    }

    @Override
    public boolean hasPartialEvent() {
        return buffered > 0;
    }

    private void decoded(Message message) {
        // prelude (12) + headers + payload + message CRC (4): the frame's whole length, no longer pending
        buffered -= 16 + Message.encodeHeaders(message.getHeaders().entrySet()).length + message.getPayload().length;
        decoded.add(toEvent(message));
    }

    private static SseEvent toEvent(Message message) {
        Map<String, HeaderValue> headers = message.getHeaders();
        String messageType = text(headers, ":message-type");
        String payload = new String(message.getPayload(), StandardCharsets.UTF_8);
        if ("exception".equals(messageType)) {
            return new SseEvent(text(headers, ":exception-type"), payload);
        }
        if (ERROR_EVENT.equals(messageType)) {
            return new SseEvent(ERROR_EVENT, Json.write(Json.object()
                    .put("code", text(headers, ":error-code")).put("message", text(headers, ":error-message"))));
        }
        return new SseEvent(text(headers, ":event-type"), payload);
    }

    private static String text(Map<String, HeaderValue> headers, String name) {
        HeaderValue value = headers.get(name);
        return value == null ? null : value.getString();
    }
}
