package dev.camelgateway.api;

import dev.camelgateway.stream.SseFrame;

import java.util.List;

/**
 * The inbound side of the seam: one API that clients speak. Its reader (a step of its route in
 * {@code routes/api.camel.yaml}) turns the client's request into the canonical {@link ChatRequest}; the provider
 * adapters answer in canonical form (OpenAI Chat Completions JSON and chunks); this turns that into what the client's
 * API speaks, answers, streams and errors alike. Chat Completions is {@link ChatCompletionsApi}.
 */
public interface ClientApi {

    /** The API's name in the ledger's {@code api} column: chat, messages, responses, embeddings (at most 16 characters). */
    String name();

    /** The whole answer, from the canonical {@code chat.completion} JSON. */
    byte[] answer(byte[] chatCompletion);

    /** The encoder of one request's stream (it may keep state from event to event). */
    StreamEncoder newStreamEncoder();

    /** An error in this API's envelope, as an HTTP body or (through the encoder) a stream's error event. */
    String errorBody(GatewayException error);

    /** Canonical chunks of one stream → the client's SSE frames. */
    interface StreamEncoder {
        /** The frames for the chunks one upstream event mapped to (none for none). */
        List<SseFrame> encode(List<String> chunks);

        /** The frames that end a complete stream. */
        List<SseFrame> end();

        /** The frames of the mid-stream error contract, for an error body of {@link #errorBody}. */
        List<SseFrame> error(String errorBody);
    }
}
