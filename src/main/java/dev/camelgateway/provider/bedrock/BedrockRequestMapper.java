package dev.camelgateway.provider.bedrock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelgateway.api.ChatRequest;
import dev.camelgateway.api.GatewayException;
import dev.camelgateway.api.Json;
import dev.camelgateway.provider.ReasoningBudgets;
import dev.camelgateway.provider.UnsupportedParameters;
import dev.camelgateway.provider.anthropic.AnthropicThinking;
import dev.camelgateway.routing.Target;

import java.util.Set;

/**
 * OpenAI → Bedrock Converse / ConverseStream
 * (https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_Converse.html): the body only; the URL is
 * {@link BedrockModelIds#toUrl}, the credentials {@link BedrockAuth}. {@code max_completion_tokens}/{@code max_tokens},
 * {@code temperature}, {@code top_p} and {@code stop} → {@code inferenceConfig}; messages → {@link BedrockMessages};
 * tools → {@link BedrockTools}; {@code reasoning_effort} → Claude's {@code thinking} in
 * {@code additionalModelRequestFields}, with Anthropic's limits ({@link AnthropicThinking}), refused for other
 * families. Every other field goes to the unsupported-parameter policy.
 */
final class BedrockRequestMapper {
    /** Read below; every other non-null field is refused (or dropped) by the unsupported-parameter policy. */
    private static final Set<String> MAPPED = Set.of("model", "messages", "max_tokens", "max_completion_tokens",
            "temperature", "top_p", "stop", "stream", "stream_options", "tools", "tool_choice", "parallel_tool_calls",
            "n", "reasoning_effort");

    private BedrockRequestMapper() {
    }

    static byte[] toConverseBody(ChatRequest request, Target target, UnsupportedParameters policy) {
        ObjectNode in = request.body();
        rejectUnmapped(in, policy);
        ObjectNode out = Json.object();
        ArrayNode messages = (ArrayNode) in.get("messages");
        out.set("messages", BedrockMessages.toMessages(messages, policy));
        ArrayNode system = BedrockMessages.toSystem(messages);
        if (!system.isEmpty()) {
            out.set("system", system);
        }
        Integer budget = ReasoningBudgets.budget(in);
        if (budget != null && !BedrockModelIds.isAnthropic(target.upstreamModel())) {
            throw GatewayException.badRequest("Parameter 'reasoning_effort' is not supported by provider '"
                    + target.providerId() + "' for this model: the gateway maps it to thinking for Anthropic Claude models "
                    + "on Bedrock only.", "reasoning_effort", "unsupported_parameter");
        }
        ObjectNode inference = toInferenceConfig(in, target, budget);
        if (!inference.isEmpty()) {
            out.set("inferenceConfig", inference);
        }
        BedrockTools.apply(in, out, policy);
        if (budget != null) {
            AnthropicThinking.checkAllowed(in.get("temperature"), in.get("top_p"), BedrockTools.forcingParam(in));
            out.putObject("additionalModelRequestFields").putObject("thinking").put("type", "enabled")
                    .put("budget_tokens", budget);
        }
        return Json.bytes(out);
    }

    /**
     * The client's limits as Converse's {@code inferenceConfig}. {@code maxTokens} is sent only when the client set
     * one, or with thinking, which needs room above its budget ({@link AnthropicThinking#maxTokens}).
     */
    private static ObjectNode toInferenceConfig(ObjectNode in, Target target, Integer budget) {
        ObjectNode inference = Json.object();
        if (budget != null) {
            inference.put("maxTokens", AnthropicThinking.maxTokens(in, target.provider().getDefaultMaxTokens(), budget));
        } else if (in.hasNonNull("max_completion_tokens") || in.hasNonNull("max_tokens")) {
            inference.set("maxTokens", in.hasNonNull("max_completion_tokens") ? in.get("max_completion_tokens") : in.get("max_tokens"));
        }
        if (in.hasNonNull("temperature")) {
            inference.set("temperature", checkedTemperature(in.get("temperature")));
        }
        if (in.hasNonNull("top_p")) {
            inference.set("topP", in.get("top_p"));
        }
        if (in.hasNonNull("stop")) {
            JsonNode stop = in.get("stop");
            inference.set("stopSequences", stop.isArray() ? stop : Json.MAPPER.createArrayNode().add(stop.asText()));
        }
        return inference;
    }

    private static void rejectUnmapped(ObjectNode in, UnsupportedParameters policy) {
        policy.rejectUnmapped(in, MAPPED);
        if (in.path("parallel_tool_calls").isBoolean() && !in.get("parallel_tool_calls").asBoolean()) {
            policy.reject("parallel_tool_calls"); // Converse has no switch for it: false cannot be honoured
        }
    }

    /** Converse's range is 0–1 (OpenAI's is 0–2): out of range is refused, never clamped. */
    private static JsonNode checkedTemperature(JsonNode temperature) {
        if (temperature.asDouble() > 1) {
            throw GatewayException.badRequest("Invalid 'temperature': Bedrock accepts values between 0 and 1, but got "
                    + temperature.asText() + ".", "temperature", "invalid_value");
        }
        return temperature;
    }
}
