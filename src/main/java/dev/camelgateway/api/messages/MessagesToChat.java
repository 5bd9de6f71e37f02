package dev.camelgateway.api.messages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelgateway.api.ChatRequest;
import dev.camelgateway.api.Json;

import java.util.Iterator;
import java.util.Set;

/**
 * An Anthropic Messages request → the canonical Chat Completions request, for deployments without Anthropic's own API
 * (pure: the client's body is read, never changed). {@code system} → system messages, {@code max_tokens} →
 * {@code max_completion_tokens}, {@code stop_sequences} → {@code stop}, {@code metadata.user_id} → {@code user}; a
 * stream asks for the usage chunk, which becomes the usage of {@code message_delta}. Messages: {@link MessageBlocksToChat};
 * tools: {@link ToolsToChat}. {@code thinking} is not translated (extended thinking is served by Anthropic
 * deployments), nor {@code service_tier}; {@code cache_control} hints are dropped wherever they are. {@code top_k} and
 * any other parameter follow the unsupported-parameter policy.
 */
public final class MessagesToChat {
    /** Read below. */
    private static final Set<String> TRANSLATED = Set.of("model", "messages", "system", "max_tokens", "stream",
            "temperature", "top_p", "stop_sequences", "tools", "tool_choice", "metadata");
    /** Left out: hints about how Anthropic serves the request, which change nothing in the answer's form. */
    private static final Set<String> NOT_TRANSLATED = Set.of("thinking", "service_tier");

    private MessagesToChat() {
    }

    public static ChatRequest toCanonical(ObjectNode in, boolean dropUnsupported) {
        refuseUntranslated(in, dropUnsupported);
        ObjectNode out = Json.object();
        out.put("model", in.get("model").asText());
        ArrayNode messages = out.putArray("messages");
        addSystem(in.get("system"), messages);
        MessageBlocksToChat.addMessages((ArrayNode) in.get("messages"), messages);
        out.set("max_completion_tokens", in.get("max_tokens"));
        copy(in, "temperature", out);
        copy(in, "top_p", out);
        JsonNode stop = in.get("stop_sequences");
        if (stop != null && stop.isArray() && !stop.isEmpty()) {
            out.set("stop", stop.deepCopy());
        }
        if (in.path("stream").asBoolean(false)) {
            out.put("stream", true);
            out.putObject("stream_options").put("include_usage", true);
        }
        JsonNode user = in.path("metadata").get("user_id");
        if (user != null && user.isTextual()) {
            out.put("user", user.asText());
        }
        ToolsToChat.apply(in, out);
        return ChatRequest.of(out);
    }

    private static void refuseUntranslated(ObjectNode in, boolean drop) {
        for (Iterator<String> names = in.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!in.get(name).isNull() && !TRANSLATED.contains(name) && !NOT_TRANSLATED.contains(name)) {
                Untranslatable.parameter(name, drop);
            }
        }
    }

    /** One system message per block (every adapter keeps them apart: Gemini as parts of its system instruction). */
    private static void addSystem(JsonNode system, ArrayNode messages) {
        if (system == null || system.isNull()) {
            return;
        }
        if (system.isTextual()) {
            if (!system.asText().isEmpty()) {
                messages.addObject().put("role", "system").put("content", system.asText());
            }
            return;
        }
        for (JsonNode block : system) {
            String text = block.path("text").asText("");
            if (!text.isEmpty()) {
                messages.addObject().put("role", "system").put("content", text);
            }
        }
    }

    private static void copy(ObjectNode in, String field, ObjectNode out) {
        if (in.hasNonNull(field)) {
            out.set(field, in.get(field));
        }
    }
}
