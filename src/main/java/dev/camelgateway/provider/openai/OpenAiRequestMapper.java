package dev.camelgateway.provider.openai;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelgateway.api.ChatRequest;
import dev.camelgateway.api.Json;
import dev.camelgateway.provider.UpstreamRequest;
import dev.camelgateway.routing.Target;

import java.util.Map;

/**
 * Passthrough to OpenAI-type upstreams: the client's body unchanged except {@code model}, unknown fields kept — and, for
 * a stream, {@code stream_options.include_usage: true}, so that every attempt's usage is known even when the client
 * did not ask for it (the stream mapper then keeps that usage chunk from the client). {@code base-url} includes
 * {@code /v1} as in the official SDKs; the key goes in a Bearer header when set.
 */
public final class OpenAiRequestMapper {
    public static final String CHAT_COMPLETIONS = "/chat/completions";

    private OpenAiRequestMapper() {
    }

    public static UpstreamRequest toUpstreamRequest(ChatRequest request, Target target) {
        return toUpstreamRequest(request, target, OpenAiEndpoint.OPENAI);
    }

    /** The same body for an upstream with its own URLs and credentials ({@link OpenAiEndpoint}). */
    public static UpstreamRequest toUpstreamRequest(ChatRequest request, Target target, OpenAiEndpoint endpoint) {
        ObjectNode body = request.body().deepCopy();
        body.put("model", target.upstreamModel());
        if (request.stream()) {
            body.withObject("stream_options").put("include_usage", true);
        }
        return new UpstreamRequest(endpoint.url(target, CHAT_COMPLETIONS), endpoint.headers(target), Json.bytes(body));
    }

    public static String chatCompletionsUrl(Target target) {
        return target.provider().endpoint(CHAT_COMPLETIONS);
    }

    public static Map<String, String> bearer(Target target) {
        String key = target.provider().getApiKey();
        return key.isBlank() ? Map.of() : Map.of("Authorization", "Bearer " + key);
    }
}
