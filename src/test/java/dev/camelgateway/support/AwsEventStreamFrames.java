package dev.camelgateway.support;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelgateway.api.Json;
import software.amazon.awssdk.eventstream.HeaderValue;
import software.amazon.awssdk.eventstream.Message;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A readable list of ConverseStream frames ({@code [{"event": "contentBlockDelta", "payload": {…}},
 * {"exception": "throttlingException", "payload": {…}}]}) → the binary AWS event stream Bedrock sends, encoded by the
 * AWS SDK's event-stream codec (prelude, headers, payload, both CRCs): what the fixtures and the fake Bedrock serve.
 */
public final class AwsEventStreamFrames {
    private AwsEventStreamFrames() {
    }

    /** One encoded frame per list entry. */
    public static List<byte[]> pieces(JsonNode frames) {
        List<byte[]> pieces = new ArrayList<>();
        for (JsonNode frame : frames) {
            Map<String, HeaderValue> headers = new LinkedHashMap<>();
            if (frame.has("exception")) {
                headers.put(":exception-type", HeaderValue.fromString(frame.get("exception").asText()));
                headers.put(":content-type", HeaderValue.fromString("application/json"));
                headers.put(":message-type", HeaderValue.fromString("exception"));
            } else {
                headers.put(":event-type", HeaderValue.fromString(frame.get("event").asText()));
                headers.put(":content-type", HeaderValue.fromString("application/json"));
                headers.put(":message-type", HeaderValue.fromString("event"));
            }
            byte[] payload = Json.write(frame.get("payload")).getBytes(StandardCharsets.UTF_8);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            new Message(headers, payload).encode(out);
            pieces.add(out.toByteArray());
        }
        return pieces;
    }

    /** The whole stream body. */
    public static byte[] encode(JsonNode frames) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        pieces(frames).forEach(out::writeBytes);
        return out.toByteArray();
    }
}
