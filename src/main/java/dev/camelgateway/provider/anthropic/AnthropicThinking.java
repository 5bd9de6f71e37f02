package dev.camelgateway.provider.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelgateway.api.GatewayException;

/**
 * {@code reasoning_effort} → {@code thinking: {type: enabled, budget_tokens}} and the limits Anthropic documents for
 * extended thinking: {@code budget_tokens} ≥ 1024 and &lt; {@code max_tokens}; temperature and top_k may not be
 * changed (only 1), top_p only between 0.95 and 1; tool_choice may not force a tool. Refused here with a 400
 * naming the field, rather than by Anthropic with a message about fields the client never sent.
 */
final class AnthropicThinking {
    private AnthropicThinking() {
    }

    /**
     * The {@code max_tokens} sent. A limit the client set is kept and must exceed the budget (raising it would let
     * the answer cost more than the client allowed); without one, the provider's default, raised to
     * {@code budget + default} when the default does not exceed the budget, so the answer keeps the default's room.
     */
    static long maxTokens(JsonNode in, long defaultMaxTokens, Integer budget) {
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
        if (out.has("temperature") && out.get("temperature").asDouble() != 1) {
            throw refused("temperature", "Anthropic allows no temperature other than 1 with thinking");
        }
        if (out.has("top_p") && out.get("top_p").asDouble() < 0.95) {
            throw refused("top_p", "Anthropic allows top_p only between 0.95 and 1 with thinking");
        }
        String choice = out.path("tool_choice").path("type").asText("");
        if ("any".equals(choice) || "tool".equals(choice)) {
            String param = AnthropicJsonMode.isRequested(in) ? "response_format" : "tool_choice";
            throw refused(param, "Anthropic cannot force a tool call with thinking ("
                    + ("response_format".equals(param) ? "JSON mode is a forced tool call" : "tool_choice required or a named function") + ")");
        }
        out.putObject("thinking").put("type", "enabled").put("budget_tokens", budget);
    }

    private static GatewayException refused(String param, String why) {
        return GatewayException.badRequest("Invalid '" + param + "' with 'reasoning_effort': " + why
                + "; leave " + param + " out or leave reasoning_effort out.", param, "invalid_value");
    }
}
