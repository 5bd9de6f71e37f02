package dev.camelgateway.api.messages;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelgateway.usage.UsageEstimator;

/**
 * The gateway's count of an Anthropic request's input tokens (jtokkit, as {@link UsageEstimator} counts Chat
 * Completions prompts): for budgets, for attempts no provider counted, and for count_tokens of deployments without
 * Anthropic's own. An estimate: Anthropic's tokenizer is not public. The text of system, messages (text, tool calls and
 * results, thinking, text documents) and the tool definitions, a few tokens per message for its framing, and a flat
 * {@value #PER_IMAGE} per image and per {@value #PDF_BYTES_PER_IMAGE} bytes of PDF (Anthropic's largest images come to
 * about that much; a PDF page is read as text and an image).
 */
public final class AnthropicPromptTokens {
    static final long PER_IMAGE = 1600;
    static final long PDF_BYTES_PER_IMAGE = 75_000;
    private static final long PER_MESSAGE = 3;

    private AnthropicPromptTokens() {
    }

    public static long count(JsonNode request) {
        long tokens = text(request.get("system"));
        for (JsonNode message : request.path("messages")) {
            tokens += PER_MESSAGE + UsageEstimator.textTokens(message.path("role").asText("")) + content(message.get("content"));
        }
        JsonNode tools = request.get("tools");
        if (tools != null && tools.isArray() && !tools.isEmpty()) {
            tokens += UsageEstimator.textTokens(tools.toString());
        }
        return tokens;
    }

    private static long content(JsonNode content) {
        if (content == null || content.isNull()) {
            return 0;
        }
        if (content.isTextual()) {
            return UsageEstimator.textTokens(content.asText());
        }
        long tokens = 0;
        for (JsonNode block : content) {
            tokens += block(block);
        }
        return tokens;
    }

    private static long block(JsonNode block) {
        return switch (block.path("type").asText()) {
            case "text" -> UsageEstimator.textTokens(block.path("text").asText(""));
            case "thinking" -> UsageEstimator.textTokens(block.path("thinking").asText(""));
            case "tool_use" -> UsageEstimator.textTokens(block.path("name").asText("") + block.path("input").toString());
            case "tool_result" -> content(block.get("content"));
            case "image" -> PER_IMAGE;
            case "document" -> document(block.path("source"));
            default -> UsageEstimator.textTokens(block.toString()); // server tools' blocks: their JSON
        };
    }

    private static long document(JsonNode source) {
        return switch (source.path("type").asText()) {
            case "text" -> UsageEstimator.textTokens(source.path("data").asText(""));
            case "content" -> content(source.get("content"));
            case "base64" -> PER_IMAGE * Math.max(1, source.path("data").asText("").length() * 3L / 4 / PDF_BYTES_PER_IMAGE);
            default -> PER_IMAGE;
        };
    }

    /** {@code system}: a string or text blocks. */
    private static long text(JsonNode system) {
        if (system == null || system.isNull()) {
            return 0;
        }
        if (system.isTextual()) {
            return UsageEstimator.textTokens(system.asText());
        }
        long tokens = 0;
        for (JsonNode block : system) {
            tokens += UsageEstimator.textTokens(block.path("text").asText(""));
        }
        return tokens;
    }
}
