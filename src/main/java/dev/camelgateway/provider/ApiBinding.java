package dev.camelgateway.provider;

import dev.camelgateway.api.ClientRequest;
import dev.camelgateway.api.GatewayException;
import dev.camelgateway.routing.Target;
import dev.camelgateway.stream.ClientStream;

import java.util.Map;

/**
 * How a provider type serves one client API without the Chat Completions translation: its own endpoint for it
 * (passthrough: Anthropic Messages to Anthropic, Responses and embeddings to OpenAI-type servers) or a direct mapping
 * (Gemini's batchEmbedContents). {@link ProviderAdapter#binding} hands it out; the shared flow never names a type.
 */
public interface ApiBinding {

    /** Whether this deployment serves the API this way (its configuration may ask for the translation instead). */
    default boolean serves(Target target) {
        return true;
    }

    UpstreamRequest toUpstreamRequest(ClientRequest request, Target target);

    /** A whole upstream answer → the client's answer bytes, with the usage it reported (or null). */
    MappedResponse toAnswer(byte[] upstreamBody, ClientRequest request, Target target);

    /**
     * After the answer's usage is the attempt's: what the client API does with a whole answer before the client gets it
     * (Responses: store it). A failure here still leaves the attempt's row with the tokens the model used.
     */
    default void answered(MappedResponse answer, ClientRequest request, Target target) {
    }

    /** One attempt's stream: upstream events → the client's frames. Only for APIs that stream. */
    ClientStream newStream(ClientRequest request, Target target);

    /**
     * A non-2xx upstream answer → the gateway's error. A passthrough keeps the upstream's status and body for the
     * client ({@link GatewayException#upstreamBody}): clients match on the provider's own wording.
     */
    GatewayException toGatewayException(String providerId, int status, String body, Map<String, String> headers);
}
