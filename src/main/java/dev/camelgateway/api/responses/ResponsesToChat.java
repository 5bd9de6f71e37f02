package dev.camelgateway.api.responses;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelgateway.api.ChatRequest;
import dev.camelgateway.api.GatewayException;
import dev.camelgateway.api.Json;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * A Responses request → the canonical Chat Completions request, for deployments without a Responses endpoint: the
 * conversation (stored history, then {@code input}) as messages ({@link ResponsesInputToMessages}), instructions as the
 * first system message, tools and formats ({@link ResponsesToolsToChat}), renames below. A field with no translation is
 * a 400 naming it (unless {@code gateway.drop-unsupported-params}); a few fields only the gateway reads, or that only
 * ask for optional extras, are consumed here. Pure: the request is never modified.
 */
public final class ResponsesToChat {
    /** Responses field → Chat Completions field, same value. */
    private static final Map<String, String> RENAMED = Map.of("max_output_tokens", "max_completion_tokens",
            "temperature", "temperature", "top_p", "top_p", "parallel_tool_calls", "parallel_tool_calls", "user", "user",
            "service_tier", "service_tier");
    /** Read below (model, input, instructions, tools, tool_choice, text, reasoning, stream). */
    private static final Set<String> MAPPED = Set.of("model", "input", "instructions", "tools", "tool_choice", "text",
            "reasoning", "stream");
    /**
     * Read by the gateway itself (store, previous_response_id, metadata: echoed on the answer), or hints whose absence
     * changes nothing the client relies on: cache routing, extras to include when available, a safety identifier,
     * SSE obfuscation, truncation of an overlong context.
     */
    private static final Set<String> CONSUMED = Set.of("store", "previous_response_id", "metadata", "include",
            "prompt_cache_key", "safety_identifier", "stream_options", "truncation", "background");

    private ResponsesToChat() {
    }

    /**
     * @param history the stored conversation the request continues (items, oldest first), or empty
     * @param drop    {@code gateway.drop-unsupported-params}: drop untranslatable fields instead of refusing them
     */
    public static ChatRequest toCanonical(ObjectNode body, ArrayNode history, boolean drop) {
        refuseUntranslated(body, drop);
        ObjectNode chat = Json.object();
        chat.set("model", body.get("model"));
        chat.set("messages", ResponsesInputToMessages.toMessages(body, history));
        RENAMED.forEach((from, to) -> {
            if (body.hasNonNull(from)) {
                chat.set(to, body.get(from));
            }
        });
        ResponsesToolsToChat.apply(body, chat);
        JsonNode effort = body.path("reasoning").get("effort");
        if (effort != null && !effort.isNull()) {
            chat.set("reasoning_effort", effort); // reasoning.summary asks for summaries when available: none here
        }
        if (body.path("stream").asBoolean(false)) {
            chat.put("stream", true);
            chat.putObject("stream_options").put("include_usage", true); // response.completed carries the usage
        }
        return ChatRequest.of(chat);
    }

    private static void refuseUntranslated(ObjectNode body, boolean drop) {
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            boolean known = MAPPED.contains(name) || RENAMED.containsKey(name) || CONSUMED.contains(name);
            if (!known && !body.get(name).isNull() && !drop) {
                throw untranslatable(name, "Parameter '" + name + "'");
            }
        }
    }

    static GatewayException untranslatable(String param, String what) {
        return GatewayException.badRequest(what + " has no Chat Completions translation: only a deployment that serves "
                + "the Responses API itself takes it (an OpenAI-type deployment with 'responses: passthrough').", param,
                "unsupported_parameter");
    }
}
