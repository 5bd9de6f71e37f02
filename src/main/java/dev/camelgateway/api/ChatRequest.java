package dev.camelgateway.api;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A validated OpenAI Chat Completions request. {@code body} is the client's JSON exactly as sent, unknown
 * fields included; mappers read it and never modify it, so a retry or fallback can transform it afresh.
 */
public record ChatRequest(ObjectNode body, String model, boolean stream, boolean includeUsage) {

    public static ChatRequest of(ObjectNode body) {
        boolean stream = body.path("stream").asBoolean(false);
        boolean includeUsage = stream && body.path("stream_options").path("include_usage").asBoolean(false);
        return new ChatRequest(body, body.get("model").asText(), stream, includeUsage);
    }
}
