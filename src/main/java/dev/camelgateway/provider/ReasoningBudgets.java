package dev.camelgateway.provider;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelgateway.api.Bounded;
import dev.camelgateway.api.GatewayException;

import java.util.Map;

/**
 * Chat Completions {@code reasoning_effort} → a thinking budget in tokens, the one table both Anthropic
 * ({@code thinking.budget_tokens}) and Gemini ({@code thinkingConfig.thinkingBudget}) read (README, "Provider
 * translation notes"). Every value lies inside what both document: Anthropic's floor of 1024; Gemini 2.5's ranges
 * (Pro 128–32768, Flash 0–24576, Flash-Lite 512–24576), so {@code high} is Flash's ceiling.
 */
public final class ReasoningBudgets {
    private static final Map<String, Integer> BUDGETS = Map.of("minimal", 1024, "low", 2048, "medium", 8192, "high", 24576);

    private ReasoningBudgets() {
    }

    /** The budget for the request's {@code reasoning_effort}, null when it has none; a value not in the table is a 400. */
    public static Integer budget(JsonNode request) {
        JsonNode effort = request.get("reasoning_effort");
        if (effort == null || effort.isNull()) {
            return null;
        }
        Integer budget = BUDGETS.get(effort.asText());
        if (budget == null) {
            throw GatewayException.badRequest("Invalid 'reasoning_effort': '" + Bounded.of(effort.asText())
                    + "' has no thinking budget for this provider; use minimal, low, medium or high.",
                    "reasoning_effort", "invalid_value");
        }
        return budget;
    }
}
