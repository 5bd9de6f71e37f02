package dev.camelgateway.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelgateway.stream.SseFrame;
import dev.camelgateway.usage.UsageEstimator;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * OpenAI Chat Completions, the canonical form itself: answers pass as the adapters made them, each chunk is one
 * {@code data:} event, a complete stream ends with {@code data: [DONE]}, an error is OpenAI's envelope (and, mid-stream,
 * one {@code data: {"error":…}} event and no {@code [DONE]}).
 */
@Component("chatCompletionsApi")
public class ChatCompletionsApi implements ChatTranslatedApi {
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
    public ChatRequest toCanonical(ClientRequest request) {
        return ChatRequest.of(request.body());
    }

    @Override
    public byte[] answer(byte[] chatCompletion, ClientRequest request) {
        return chatCompletion;
    }

    @Override
    public StreamEncoder newStreamEncoder(ClientRequest request) {
        return ENCODER; // keeps no state
    }

    @Override
    public long promptTokens(ClientRequest request) {
        return UsageEstimator.promptTokens(request.canonical());
    }

    /** {@code max_completion_tokens} or the deprecated {@code max_tokens}: the larger, when a client sends both. */
    @Override
    public Long maxOutputTokens(ClientRequest request) {
        JsonNode value = request.body().get(maxOutputTokensField(request));
        return value == null || value.isNull() ? null : value.asLong();
    }

    @Override
    public String maxOutputTokensField(ClientRequest request) {
        JsonNode completion = request.body().get("max_completion_tokens");
        JsonNode legacy = request.body().get("max_tokens");
        boolean hasCompletion = completion != null && !completion.isNull();
        boolean hasLegacy = legacy != null && !legacy.isNull();
        return hasLegacy && (!hasCompletion || legacy.asLong() > completion.asLong()) ? "max_tokens" : "max_completion_tokens";
    }

    @Override
    public long choices(ClientRequest request) {
        return Math.max(1, request.body().path("n").asLong(1));
    }

    @Override
    public String errorBody(GatewayException error) {
        return envelope.toJson(error.error());
    }
}
