package dev.camelgateway.api;

import dev.camelgateway.stream.SseFrame;
import org.apache.camel.Exchange;

import java.util.List;

/**
 * The inbound side of the seam: one API that clients speak (its route in {@code routes/api.camel.yaml} names it as
 * its first step after the request id, so that even a 401 comes in this API's envelope). Its reader turns the HTTP
 * request into a {@link ClientRequest}. Deployments with their own binding of the API serve it as it is; an API that
 * chat models can serve too is a {@link ChatTranslatedApi}, whose translation the other deployments get. Chat
 * Completions is {@link ChatCompletionsApi}.
 */
public interface ClientApi {

    /** The API's name in the ledger's {@code api} column and the metrics' {@code api} tag (at most 16 characters). */
    String name();

    /** Route step: the request speaks this API from here on (its errors too). */
    default void begin(Exchange exchange) {
        RequestContext.of(exchange).clientApi(this);
    }

    /** An error in this API's envelope, as an HTTP body or (through a stream) a stream's error event. */
    String errorBody(GatewayException error);

    /** As {@link #errorBody(GatewayException)}, for an envelope that names the request (Anthropic's request_id). */
    default String errorBody(GatewayException error, RequestContext context) {
        return errorBody(error);
    }

    /** The prompt's tokens, counted by the gateway (jtokkit). */
    long promptTokens(ClientRequest request);

    /** The output-token ceiling per choice the client asked for, or null. */
    Long maxOutputTokens(ClientRequest request);

    /**
     * The field of {@link #maxOutputTokens} as the client named it, or — when it named none — the field a key's token
     * ceiling is written to.
     */
    String maxOutputTokensField(ClientRequest request);

    /**
     * False for an API whose calls produce no tokens to pay for (token counting): admitted as a request (rate limits,
     * parallel requests) with nothing reserved against token limits and budgets.
     */
    default boolean usesTokens() {
        return true;
    }

    /** How many choices the answer holds. */
    default long choices(ClientRequest request) {
        return 1;
    }

    /** Canonical chunks of one stream → the client's SSE frames ({@link ChatTranslatedApi#newStreamEncoder}). */
    interface StreamEncoder {
        /** The frames for the chunks one upstream event mapped to (none for none). */
        List<SseFrame> encode(List<String> chunks);

        /** The frames that end a complete stream. */
        List<SseFrame> end();

        /** The frames of the mid-stream error contract, for an error body of {@link #errorBody}. */
        List<SseFrame> error(String errorBody);
    }
}
