package dev.camelgateway.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelgateway.api.Json;

import java.util.List;

/**
 * What the client of a continuable stream has been sent, read off the canonical chunks as they go out: the answer's
 * text, the first chunk's identity (id, created, model, system fingerprint, which a continuation keeps), and whether
 * anything was sent that a continuation could not extend (a tool call, a refusal, log probabilities, a second choice,
 * the finish). Only streams of an alias with {@code on-stream-failure: continue} keep one.
 */
public final class StreamTranscript {
    private final StringBuilder text = new StringBuilder();
    private ObjectNode identity;
    private String notContinuable;

    /** Records one chunk the client is sent; returns it unchanged. */
    public synchronized String observe(String chunk) {
        ObjectNode node = Json.objectOrNull(chunk);
        if (node == null) {
            notContinuable = "a chunk that is not JSON";
            return chunk;
        }
        if (identity == null && node.hasNonNull("id")) {
            identity = Json.object();
            for (String field : List.of("id", "created", "model", "system_fingerprint")) {
                if (node.hasNonNull(field)) {
                    identity.set(field, node.get(field));
                }
            }
        }
        for (JsonNode choice : node.path("choices")) {
            if (choice.path("index").asInt(0) != 0) {
                notContinuable = "more than one choice";
                continue;
            }
            JsonNode delta = choice.path("delta");
            if (delta.hasNonNull("tool_calls") || delta.hasNonNull("function_call")) {
                notContinuable = "a tool call";
            }
            if (delta.hasNonNull("refusal")) {
                notContinuable = "a refusal";
            }
            if (choice.hasNonNull("logprobs")) {
                notContinuable = "log probabilities";
            }
            if (choice.hasNonNull("finish_reason")) {
                notContinuable = "the finish reason";
            }
            if (delta.path("content").isTextual()) {
                text.append(delta.get("content").asText());
            }
        }
        return chunk;
    }

    /** The answer's text as the client has it. */
    public synchronized String text() {
        return text.toString();
    }

    /** The first chunk's id, created, model and system_fingerprint (null before any chunk). */
    public synchronized ObjectNode identity() {
        return identity;
    }

    /** Why the stream sent cannot be continued (null: it can). */
    public synchronized String notContinuable() {
        return notContinuable;
    }
}
