package dev.camelgateway.provider.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelgateway.api.ChatRequest;
import dev.camelgateway.api.GatewayException;
import dev.camelgateway.api.Json;
import dev.camelgateway.provider.ReasoningBudgets;
import dev.camelgateway.provider.UnsupportedParameters;
import dev.camelgateway.provider.UpstreamRequest;
import dev.camelgateway.routing.Target;

import java.util.Map;
import java.util.Set;

/**
 * OpenAI → Anthropic Messages (wire-formats §2.2, https://docs.anthropic.com/en/api/messages). {@code max_tokens} is
 * required upstream: the client's {@code max_completion_tokens} or {@code max_tokens}, else the provider's
 * {@code default-max-tokens}. JSON mode is a forced tool whose input is the answer (see {@link AnthropicJsonMode}).
 * {@code reasoning_effort} becomes {@code thinking} (see {@link AnthropicThinking}).
 */
public final class AnthropicRequestMapper {
    static final String VERSION = "2023-06-01";
    /** Read below; every other non-null field is refused (or dropped) by the unsupported-parameter policy. */
    private static final Set<String> MAPPED = Set.of("model", "messages", "max_tokens", "max_completion_tokens",
            "temperature", "top_p", "stop", "stream", "stream_options", "tools", "tool_choice", "parallel_tool_calls",
            "response_format", "user", "n", "reasoning_effort");

    private AnthropicRequestMapper() {
    }

    public static UpstreamRequest toUpstreamRequest(ChatRequest request, Target target, UnsupportedParameters policy) {
        return new UpstreamRequest(messagesUrl(target), headers(target), Json.bytes(toAnthropicRequest(request, target, policy)));
    }

    /**
     * The Messages body alone, with {@code model}: Anthropic's API and Claude on a cloud (which moves the model into
     * the URL and the version into the body) each add their own URL and credential.
     */
    public static ObjectNode toAnthropicRequest(ChatRequest request, Target target, UnsupportedParameters policy) {
        ObjectNode in = request.body();
        policy.rejectUnmapped(in, MAPPED);
        ObjectNode out = Json.object();
        out.put("model", target.upstreamModel());
        Integer budget = ReasoningBudgets.budget(in);
        out.put("max_tokens", AnthropicThinking.maxTokens(in, target.provider().getDefaultMaxTokens(), budget));
        ArrayNode system = AnthropicMessages.toSystem((ArrayNode) in.get("messages"));
        if (!system.isEmpty()) {
            out.set("system", system);
        }
        out.set("messages", AnthropicMessages.toMessages((ArrayNode) in.get("messages"), policy));
        if (in.hasNonNull("temperature")) {
            out.set("temperature", checkedTemperature(in.get("temperature")));
        }
        copy(in, "top_p", out, "top_p");
        if (in.hasNonNull("stop")) {
            JsonNode stop = in.get("stop");
            out.set("stop_sequences", stop.isArray() ? stop : Json.MAPPER.createArrayNode().add(stop.asText()));
        }
        if (request.stream()) {
            out.put("stream", true);
        }
        AnthropicTools.apply(in, out, policy);
        if (in.hasNonNull("user")) {
            out.putObject("metadata").put("user_id", in.get("user").asText());
        }
        if (budget != null) {
            AnthropicThinking.apply(in, out, budget);
        }
        return out;
    }

    /** Anthropic's range is 0–1 (OpenAI's is 0–2): out of range is refused, never clamped. */
    private static JsonNode checkedTemperature(JsonNode temperature) {
        if (temperature.asDouble() > 1) {
            throw GatewayException.badRequest("Invalid 'temperature': Anthropic accepts values between 0 and 1, but got "
                    + temperature.asText() + ".", "temperature", "invalid_value");
        }
        return temperature;
    }

    private static void copy(ObjectNode in, String from, ObjectNode out, String to) {
        if (in.hasNonNull(from)) {
            out.set(to, in.get(from));
        }
    }

    private static String messagesUrl(Target target) {
        return target.provider().endpoint("/v1/messages");
    }

    private static Map<String, String> headers(Target target) {
        String key = target.provider().getApiKey();
        return key.isBlank() ? Map.of("anthropic-version", VERSION) : Map.of("anthropic-version", VERSION, "x-api-key", key);
    }
}
