package dev.camelgateway.stream;

import dev.camelgateway.usage.Usage;

import java.util.List;

/**
 * One attempt's stream as the client receives it: upstream events in, the client API's SSE frames out. Either the
 * provider's stream mapper followed by the client API's encoder ({@link TranslatedStream}), or a passthrough that
 * forwards the upstream's own events ({@code ApiBinding}). An upstream error event or a broken sequence throws
 * {@code UpstreamStreamException}; a broken stream is never ended as if it were complete.
 */
public interface ClientStream {

    /** One upstream event → the frames for the client, the usage it reported and the output text it carried. */
    ClientFrames next(SseEvent event);

    /** Upstream end of stream: the closing frames, or {@code UpstreamStreamException} when it ended incomplete. */
    ClientFrames finish();

    /** The frames that end a complete stream, after its record was taken (Chat Completions: {@code data: [DONE]}). */
    List<SseFrame> end();

    /** The mid-stream error contract's frames, for an error body in the client API's envelope. */
    List<SseFrame> error(String errorBody);

    /** The usage the provider reported so far (null: none yet), for an attempt that ended early. */
    Usage usageSoFar();

    /** What one upstream event becomes for the client. */
    record ClientFrames(List<SseFrame> frames, Usage usage, String text) {
        public static final ClientFrames NOTHING = new ClientFrames(List.of(), null, "");

        public ClientFrames {
            text = text == null ? "" : text;
        }
    }
}
