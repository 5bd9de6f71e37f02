package dev.camelgateway.api.messages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelgateway.api.Json;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/** What the translated answers and streams share: the message id, the usage object, the request's stop sequences. */
final class AnthropicShapes {
    private static final Pattern ID_CHARACTERS = Pattern.compile("[^A-Za-z0-9_-]");
    private static final int MAX_ID = 64;

    private AnthropicShapes() {
    }

    /** {@code msg_} and the upstream's id (its safe characters), or a fresh one. */
    static String messageId(JsonNode upstreamId) {
        String id = upstreamId == null ? "" : ID_CHARACTERS.matcher(upstreamId.asText("")).replaceAll("");
        if (id.isEmpty()) {
            id = UUID.randomUUID().toString().replace("-", "");
        }
        return "msg_" + (id.length() > MAX_ID ? id.substring(0, MAX_ID) : id);
    }

    /**
     * Chat Completions usage → Anthropic's. Anthropic's {@code input_tokens} leaves out cache reads, which OpenAI's
     * {@code prompt_tokens} includes ({@code cached_tokens}); a Chat Completions provider reports no cache writes.
     */
    static ObjectNode usage(JsonNode usage) {
        long prompt = usage == null ? 0 : usage.path("prompt_tokens").asLong(0);
        long cached = usage == null ? 0 : usage.path("prompt_tokens_details").path("cached_tokens").asLong(0);
        long completion = usage == null ? 0 : usage.path("completion_tokens").asLong(0);
        return Json.object().put("input_tokens", Math.max(0, prompt - cached)).put("cache_creation_input_tokens", 0)
                .put("cache_read_input_tokens", cached).put("output_tokens", completion);
    }

    static List<String> stopSequences(ObjectNode request) {
        List<String> sequences = new ArrayList<>();
        JsonNode stop = request.get("stop_sequences");
        if (stop instanceof ArrayNode array) {
            array.forEach(s -> sequences.add(s.asText()));
        }
        return sequences;
    }
}
