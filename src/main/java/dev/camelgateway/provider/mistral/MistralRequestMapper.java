package dev.camelgateway.provider.mistral;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelgateway.api.ChatRequest;
import dev.camelgateway.api.Json;
import dev.camelgateway.provider.UnsupportedParameters;
import dev.camelgateway.provider.UpstreamRequest;
import dev.camelgateway.provider.openai.OpenAiRequestMapper;
import dev.camelgateway.routing.Target;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * OpenAI → Mistral chat completions (wire-formats §4.2). Mistral rejects unknown fields (422 extra_forbidden), so
 * the body is built from an allow-list: renamed fields ({@code seed → random_seed},
 * {@code max_completion_tokens → max_tokens}, {@code tool_choice "required" → "any"}, {@code developer → system}),
 * tool-call ids rewritten to Mistral's 9-character form, and no {@code stream_options} (Mistral always sends usage).
 */
public final class MistralRequestMapper {
    /** Sent as they are (https://docs.mistral.ai/api/#tag/chat). */
    private static final Set<String> SAME_NAME = Set.of("temperature", "top_p", "stream", "stop", "response_format",
            "presence_penalty", "frequency_penalty", "n", "parallel_tool_calls", "prediction", "safe_prompt",
            "random_seed", "prompt_mode", "max_tokens");
    /**
     * Read by the gateway itself, or mapped below. {@code user} (an end-user id for the provider's abuse monitoring, which
     * Mistral has no field for and which changes nothing the model answers) is left out: Claude Code's
     * {@code metadata.user_id} arrives as it on every translated request.
     */
    private static final Set<String> MAPPED = Set.of("model", "messages", "max_completion_tokens", "seed", "tools",
            "tool_choice", "stream_options", "user");
    private static final Map<String, Set<String>> MESSAGE_FIELDS = Map.of(
            "system", Set.of("role", "content"),
            "user", Set.of("role", "content"),
            "assistant", Set.of("role", "content", "tool_calls", "prefix"),
            "tool", Set.of("role", "content", "tool_call_id", "name"));
    /**
     * OpenAI participant names have no Mistral field and change nothing the model sees; an earlier answer's reasoning
     * sent back on its assistant message ({@code reasoning_content}, the gateway's {@code thinking_blocks} from
     * Anthropic) is the client's echo of output, which no model is given again (a fallback must not fail on it).
     */
    private static final Set<String> REMOVED_QUIETLY = Set.of("name", "reasoning_content", "thinking_blocks");

    private MistralRequestMapper() {
    }

    public static UpstreamRequest toUpstreamRequest(ChatRequest request, Target target, UnsupportedParameters policy) {
        ObjectNode in = request.body();
        ObjectNode out = Json.object();
        out.put("model", target.upstreamModel());
        out.set("messages", toMessages((ArrayNode) in.get("messages"), policy));
        for (Iterator<Map.Entry<String, JsonNode>> it = in.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getValue().isNull() || MAPPED.contains(field.getKey())) {
                continue;
            }
            if (SAME_NAME.contains(field.getKey())) {
                out.set(field.getKey(), field.getValue());
            } else {
                policy.reject(field.getKey());
            }
        }
        copyIfPresent(in, "max_completion_tokens", out, "max_tokens"); // the newer OpenAI name wins
        copyIfPresent(in, "seed", out, "random_seed");
        if (in.hasNonNull("tools")) {
            out.set("tools", toTools((ArrayNode) in.get("tools")));
        }
        if (in.hasNonNull("tool_choice")) {
            JsonNode choice = in.get("tool_choice");
            out.set("tool_choice", "required".equals(choice.asText()) ? Json.MAPPER.getNodeFactory().textNode("any") : choice);
        }
        return new UpstreamRequest(OpenAiRequestMapper.chatCompletionsUrl(target), OpenAiRequestMapper.bearer(target),
                Json.bytes(out));
    }

    private static ArrayNode toMessages(ArrayNode messages, UnsupportedParameters policy) {
        ArrayNode out = Json.MAPPER.createArrayNode();
        for (int i = 0; i < messages.size(); i++) {
            out.add(toMessage((ObjectNode) messages.get(i), i, policy));
        }
        return out;
    }

    private static ObjectNode toMessage(ObjectNode message, int index, UnsupportedParameters policy) {
        String role = message.get("role").asText();
        String mistralRole = "developer".equals(role) ? "system" : role;
        Set<String> allowed = MESSAGE_FIELDS.get(mistralRole);
        if (allowed == null) {
            policy.reject("messages[" + index + "].role=" + role);
            allowed = MESSAGE_FIELDS.get("user");
        }
        ObjectNode out = Json.object();
        for (Iterator<Map.Entry<String, JsonNode>> it = message.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String name = field.getKey();
            if (field.getValue().isNull() || (!allowed.contains(name) && REMOVED_QUIETLY.contains(name))) {
                continue;
            }
            if (!allowed.contains(name)) {
                policy.reject("messages[" + index + "]." + name);
                continue;
            }
            out.set(name, "content".equals(name) ? withoutFileParts(field.getValue(), index, policy) : field.getValue());
        }
        out.put("role", mistralRole);
        if (out.has("tool_calls")) {
            out.set("tool_calls", toToolCalls((ArrayNode) out.get("tool_calls")));
            if (out.path("content").asText("").isEmpty()) {
                out.remove("content"); // an assistant turn that only calls tools carries no text
            }
        }
        if (out.has("tool_call_id")) {
            out.put("tool_call_id", MistralToolCallIds.toMistralId(out.get("tool_call_id").asText()));
        }
        return out;
    }

    /**
     * Mistral's chat API reads documents only from a URL or from its own files API, neither of which an OpenAI
     * {@code file} part carries, so such a part is refused (or dropped, by the policy) rather than sent as-is.
     */
    private static JsonNode withoutFileParts(JsonNode content, int index, UnsupportedParameters policy) {
        if (!content.isArray()) {
            return content;
        }
        ArrayNode kept = Json.MAPPER.createArrayNode();
        for (int j = 0; j < content.size(); j++) {
            if ("file".equals(content.get(j).path("type").asText())) {
                policy.reject("messages[" + index + "].content[" + j + "].type=file");
            } else {
                kept.add(content.get(j));
            }
        }
        return kept;
    }

    private static ArrayNode toToolCalls(ArrayNode calls) {
        ArrayNode out = Json.MAPPER.createArrayNode();
        for (JsonNode call : calls) {
            ObjectNode c = out.addObject();
            c.put("id", MistralToolCallIds.toMistralId(call.path("id").asText(null)));
            c.put("type", "function");
            ObjectNode function = c.putObject("function");
            function.put("name", call.path("function").path("name").asText());
            function.put("arguments", call.path("function").path("arguments").asText("{}"));
        }
        return out;
    }

    /** Function tools as they are, without OpenAI's {@code strict} flag, which Mistral rejects (wire-formats T23). */
    private static ArrayNode toTools(ArrayNode tools) {
        ArrayNode out = tools.deepCopy();
        for (JsonNode tool : out) {
            if (tool.path("function") instanceof ObjectNode function) {
                function.remove("strict");
            }
        }
        return out;
    }

    private static void copyIfPresent(ObjectNode in, String from, ObjectNode out, String to) {
        if (in.hasNonNull(from)) {
            out.set(to, in.get(from));
        }
    }
}
