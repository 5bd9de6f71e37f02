package dev.camelgateway.provider;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelgateway.api.GatewayException;

/** OpenAI's {@code tool_choice}, read once: auto, none, required, or one named function. */
public record ToolChoice(Mode mode, String functionName) {

    public enum Mode { AUTO, NONE, REQUIRED, NAMED }

    /** Null when the request has no {@code tool_choice}. */
    public static ToolChoice parse(JsonNode choice) {
        if (choice == null || choice.isNull()) {
            return null;
        }
        if (choice.isTextual()) {
            return switch (choice.asText()) {
                case "auto" -> new ToolChoice(Mode.AUTO, null);
                case "none" -> new ToolChoice(Mode.NONE, null);
                case "required" -> new ToolChoice(Mode.REQUIRED, null);
                default -> throw GatewayException.badRequest("Invalid 'tool_choice': '" + choice.asText()
                        + "'; expected 'auto', 'none', 'required' or a named function.", "tool_choice", "invalid_value");
            };
        }
        String name = choice.path("function").path("name").asText("");
        if (name.isEmpty()) {
            throw GatewayException.badRequest("Invalid 'tool_choice': a named choice needs function.name.", "tool_choice",
                    "invalid_value");
        }
        return new ToolChoice(Mode.NAMED, name);
    }
}
