package dev.camelgateway.provider.openai;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.camelgateway.api.Json;
import dev.camelgateway.provider.UpstreamStreamException;
import dev.camelgateway.usage.Usage;

import java.io.IOException;

/**
 * The {@code usage} of an OpenAI-shaped embeddings answer (OpenAI's, Mistral's): {@code prompt_tokens} and
 * {@code total_tokens} as reported; completion is zero, a fact rather than a count (an embedding has no output), so
 * that a row is marked estimated only when the prompt was not reported.
 */
public final class OpenAiEmbeddingsUsage {
    /** Reads one member's value in the middle of the answer (the rest of the answer follows it). */
    private static final ObjectReader MEMBER = Json.MAPPER.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private OpenAiEmbeddingsUsage() {
    }

    /** Never null: without a reported prompt count its prompt stays null (the gateway's count, marked estimated). */
    public static Usage toUsage(JsonNode usage) {
        Long prompt = number(usage == null ? null : usage.get("prompt_tokens"));
        Long total = number(usage == null ? null : usage.get("total_tokens"));
        return new Usage(prompt, 0L, total != null ? total : prompt, null, null);
    }

    /**
     * The usage of a whole answer, read as it streams by: its vectors (2048 inputs × 3072 dimensions, for OpenAI's
     * largest) are skipped, never built as a tree. An answer that is not a JSON object is an upstream protocol error.
     */
    public static Usage toUsage(byte[] answer) {
        try (JsonParser parser = Json.MAPPER.createParser(answer)) {
            JsonNode usage = null;
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw notAnObject();
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                if ("usage".equals(field)) {
                    usage = MEMBER.readTree(parser);
                } else {
                    parser.skipChildren();
                }
            }
            return toUsage(usage);
        } catch (IOException e) {
            throw notAnObject();
        }
    }

    private static UpstreamStreamException notAnObject() {
        return new UpstreamStreamException(UpstreamStreamException.PROTOCOL_ERROR,
                "The upstream sent a response body that is not a JSON object.");
    }

    private static Long number(JsonNode node) {
        return node != null && node.isIntegralNumber() && node.canConvertToLong() && node.asLong() >= 0 ? node.asLong() : null;
    }
}
