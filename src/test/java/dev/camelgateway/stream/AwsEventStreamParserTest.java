package dev.camelgateway.stream;

import dev.camelgateway.api.Json;
import dev.camelgateway.provider.UpstreamStreamException;
import dev.camelgateway.support.AwsEventStreamFrames;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.eventstream.HeaderValue;
import software.amazon.awssdk.eventstream.Message;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The AWS event stream (Bedrock's ConverseStream) cut into events, whatever the network's reads. */
class AwsEventStreamParserTest {
    private static final String FRAMES = """
            [{"event": "messageStart", "payload": {"role": "assistant"}},
             {"event": "contentBlockDelta", "payload": {"contentBlockIndex": 0, "delta": {"text": "über 🌍"}}},
             {"exception": "throttlingException", "payload": {"message": "slow down"}}]""";

    @Test
    void framesSplitAtEveryByteBoundaryArriveWholeNamedByEventOrExceptionType() throws Exception {
        byte[] body = AwsEventStreamFrames.encode(Json.parse(FRAMES));
        for (int cut = 1; cut < body.length; cut++) {
            AwsEventStreamParser parser = new AwsEventStreamParser();
            List<SseEvent> events = new ArrayList<>(parser.feed(body, 0, cut));
            assertThat(parser.hasPartialEvent()).as("cut at %d", cut).isEqualTo(events.size() < 3 && !atFrameEnd(body, cut));
            events.addAll(parser.feed(body, cut, body.length - cut));

            assertThat(parser.hasPartialEvent()).isFalse();
            assertThat(events).extracting(SseEvent::event).containsExactly("messageStart", "contentBlockDelta", "throttlingException");
            assertThat(Json.parse(events.get(1).data()).path("delta").path("text").asText()).isEqualTo("über 🌍");
            assertThat(Json.parse(events.get(2).data()).path("message").asText()).isEqualTo("slow down");
        }
    }

    /** Whether {@code cut} falls between two frames (each starts with its total length, big-endian). */
    private static boolean atFrameEnd(byte[] body, int cut) {
        int at = 0;
        while (at < cut) {
            at += java.nio.ByteBuffer.wrap(body, at, 4).getInt();
        }
        return at == cut;
    }

    @Test
    void aFrameWhoseCrcDoesNotMatchIsAnUpstreamProtocolError() throws Exception {
        byte[] body = AwsEventStreamFrames.encode(Json.parse(FRAMES));
        body[20] ^= 0x01; // inside the first frame's headers: its message CRC no longer matches

        assertThatThrownBy(() -> new AwsEventStreamParser().feed(body, 0, body.length))
                .isInstanceOfSatisfying(UpstreamStreamException.class,
                        e -> assertThat(e.error().code()).isEqualTo(UpstreamStreamException.PROTOCOL_ERROR));
    }

    @Test
    void anErrorFrameBecomesAnErrorEventWithItsCodeAndMessage() throws Exception {
        Map<String, HeaderValue> headers = new LinkedHashMap<>();
        headers.put(":message-type", HeaderValue.fromString("error"));
        headers.put(":error-code", HeaderValue.fromString("InternalFailure"));
        headers.put(":error-message", HeaderValue.fromString("boom"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new Message(headers, new byte[0]).encode(out);
        byte[] frame = out.toByteArray();

        List<SseEvent> events = new AwsEventStreamParser().feed(frame, 0, frame.length);

        assertThat(events).containsExactly(new SseEvent("error", "{\"code\":\"InternalFailure\",\"message\":\"boom\"}"));
    }
}
