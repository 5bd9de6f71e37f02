package dev.camelgateway.provider;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelgateway.api.ChatRequest;
import dev.camelgateway.api.GatewayException;
import dev.camelgateway.routing.GatewayProperties;
import dev.camelgateway.routing.Target;
import dev.camelgateway.stream.StreamFraming;

import java.util.List;
import java.util.Map;

/**
 * One provider wire format ({@code gateway.providers.*.type}). Implementations are Spring beans in
 * {@code provider/<type>/} that wire that package's mappers together; the shared flow never names a type.
 */
public interface ProviderAdapter {

    /** The {@code type} value in config, e.g. {@code openai}. */
    String type();

    UpstreamRequest toUpstreamRequest(ChatRequest request, Target target);

    MappedResponse toChatCompletion(byte[] upstreamBody, ChatRequest request, Target target);

    StreamMapper newStreamMapper(ChatRequest request, Target target);

    /** Maps a non-2xx upstream answer to the gateway's error (design §4.3, wire-formats §5). */
    GatewayException toGatewayException(String providerId, int status, String body, Map<String, String> headers);

    /**
     * This type's own way of serving a client API other than chat (its {@link ApiBinding}), or null: the API is then
     * served through its Chat Completions translation, where it has one.
     */
    default ApiBinding binding(String api) {
        return null;
    }

    /**
     * At start-up, before the base-url check: this type's own checks of a deployment's settings, each problem added
     * to {@code problems} (naming the key, never a secret). A type whose URL follows from other settings (a cloud
     * region) may fill in a missing base-url here.
     */
    default void configure(String id, GatewayProperties.Provider provider, List<String> problems) {
    }

    /** How this type's upstream frames a stream body: server-sent events unless it says otherwise. */
    default StreamFraming streamFraming() {
        return StreamFraming.SSE;
    }

    /**
     * Whether the model continues a final assistant message as its own answer (prefill), when the deployment does not
     * say ({@code prefill:}): how a broken stream is continued ({@code on-stream-failure: continue}).
     */
    default boolean prefillByDefault(String upstreamModel) {
        return false;
    }

    /** Marks the final assistant message a continuation sends as the answer's start, where the API wants it said. */
    default void markPrefill(ObjectNode assistantMessage) {
    }

    /** Rejects a model name this provider cannot take safely (e.g. one that would alter a URL path). */
    default void checkModel(String upstreamModel) {
    }
}
