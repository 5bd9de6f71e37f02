package dev.camelgateway.provider.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelgateway.api.GatewayException;

/**
 * {@code reasoning_effort} → {@code thinking: {type: enabled, budget_tokens}} and the limits Anthropic documents for
 * extended thinking: {@code budget_tokens} ≥ 1024 and &lt; {@code max_tokens}; temperature and top_k may not be
 * changed (only 1), top_p only between 0.95 and 1; tool_choice may not force a tool. Refused here with a 400
 * naming the field, rather than by Anthropic with a message about fields the client never sent. Bedrock's Claude
 * models take the same thinking and limits ({@code provider/bedrock}).
 */
public final class AnthropicThinking {
    private AnthropicThinking() {
    }

    /**
     * The {@code max_tokens} sent. A limit the client set is kept and must exceed the budget (raising it would let
     * the answer cost more than the client allowed); without one, the provider's default, raised to
     * {@code budget + default} when the default does not exceed the budget, so the answer keeps the default's room.
     */
    public static long maxTokens(JsonNode in, long defaultMaxTokens, Integer budget) {
        String field = in.hasNonNull("max_completion_tokens") ? "max_completion_tokens"
                : in.hasNonNull("max_tokens") ? "max_tokens" : null;
        if (field == null) {
            return budget == null || defaultMaxTokens > budget ? defaultMaxTokens : budget + defaultMaxTokens;
        }
        long max = in.get(field).asLong();
        if (budget != null && max <= budget) {
            throw GatewayException.badRequest("Invalid '" + field + "': reasoning_effort '"
                    + in.get("reasoning_effort").asText() + "' gives Anthropic a thinking budget of " + budget
                    + " tokens, which must be less than the maximum output tokens; set " + field + " above " + budget
                    + " or lower reasoning_effort.", field, "invalid_value");
        }
        return max;
    }

    /** Adds {@code thinking} to an Anthropic request otherwise complete, refusing what thinking does not allow. */
    static void apply(JsonNode in, ObjectNode out, int budget) {
        String choice = out.path("tool_choice").path("type").asText("");
        boolean forced = "any".equals(choice) || "tool".equals(choice);
        checkAllowed(out.get("temperature"), out.get("top_p"),
                !forced ? null : AnthropicJsonMode.isRequested(in) ? "response_format" : "tool_choice");
        out.putObject("thinking").put("type", "enabled").put("budget_tokens", budget);
    }

    /**
     * Refuses what thinking does not allow: the temperature and top_p sent (null when none), and a forced tool call
     * ({@code forcingParam}: the client field that forces one, {@code tool_choice} or {@code response_format}; null
     * when no tool is forced).
     */
    public static void checkAllowed(JsonNode temperature, JsonNode topP, String forcingParam) {
        if (temperature != null && temperature.asDouble() != 1) {
            throw refused("temperature", "Anthropic allows no temperature other than 1 with thinking");
        }
        if (topP != null && topP.asDouble() < 0.95) {
            throw refused("top_p", "Anthropic allows top_p only between 0.95 and 1 with thinking");
        }
        if (forcingParam != null) {
            throw refused(forcingParam, "Anthropic cannot force a tool call with thinking ("
                    + ("response_format".equals(forcingParam) ? "JSON mode is a forced tool call"
                    : "tool_choice required or a named function") + ")");
        }
    }

    private static GatewayException refused(String param, String why) {
        return GatewayException.badRequest("Invalid '" + param + "' with 'reasoning_effort': " + why
                + "; leave " + param + " out or leave reasoning_effort out.", param, "invalid_value");
    }
}
