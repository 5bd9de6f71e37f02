package dev.camelgateway.api;

/**
 * A client API that chat models can serve: a deployment without the API's own binding gets the request's Chat
 * Completions translation ({@link #toCanonical}) and answers in canonical form (OpenAI Chat Completions JSON and
 * chunks), which this turns into what the client's API speaks. Chat Completions itself, Anthropic Messages and
 * Responses are; embeddings and token counting are not (only their bindings serve them).
 */
public interface ChatTranslatedApi extends ClientApi {

    /** The request as Chat Completions; a {@link GatewayException} (400, naming the field) for what has no translation. */
    ChatRequest toCanonical(ClientRequest request);

    /** The whole answer, from the canonical {@code chat.completion} JSON. */
    byte[] answer(byte[] chatCompletion, ClientRequest request);

    /** The encoder of one attempt's translated stream (it may keep state from event to event). */
    StreamEncoder newStreamEncoder(ClientRequest request);
}
