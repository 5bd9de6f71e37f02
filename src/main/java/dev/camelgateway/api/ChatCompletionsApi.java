package dev.camelgateway.api;

import dev.camelgateway.stream.SseFrame;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * OpenAI Chat Completions, the canonical form itself: answers pass as the adapters made them, each chunk is one
 * {@code data:} event, a complete stream ends with {@code data: [DONE]}, an error is OpenAI's envelope (and, mid-stream,
 * one {@code data: {"error":…}} event and no {@code [DONE]}).
 */
@Component("chatCompletionsApi")
public class ChatCompletionsApi implements ClientApi {
    private static final List<SseFrame> DONE = List.of(SseFrame.data("[DONE]"));
    private static final StreamEncoder ENCODER = new StreamEncoder() {
        @Override
        public List<SseFrame> encode(List<String> chunks) {
            List<SseFrame> frames = new ArrayList<>(chunks.size());
            chunks.forEach(chunk -> frames.add(SseFrame.data(chunk)));
            return frames;
        }

        @Override
        public List<SseFrame> end() {
            return DONE;
        }

        @Override
        public List<SseFrame> error(String errorBody) {
            return List.of(SseFrame.data(errorBody));
        }
    };
    private final ErrorEnvelope envelope;

    public ChatCompletionsApi(ErrorEnvelope envelope) {
        this.envelope = envelope;
    }

    @Override
    public String name() {
        return "chat";
    }

    @Override
    public byte[] answer(byte[] chatCompletion) {
        return chatCompletion;
    }

    @Override
    public StreamEncoder newStreamEncoder() {
        return ENCODER; // keeps no state
    }

    @Override
    public String errorBody(GatewayException error) {
        return envelope.toJson(error.error());
    }
}
