package dev.camelgateway.api.responses;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelgateway.usage.UsageEstimator;

/**
 * The prompt's tokens as the gateway counts them (jtokkit, as for Chat Completions): instructions, the conversation
 * (its last response's reported usage), the input's text (message parts, function calls and their outputs), the tools' JSON, and a few tokens of framing
 * per item. Read from the request as sent, since a passthrough request is never translated.
 */
final class ResponsesTokens {
    private static final int PER_ITEM = 3;
    private static final int REPLY_PRIMING = 3;

    private ResponsesTokens() {
    }

    static long promptTokens(ResponsesRequest request) {
        long tokens = REPLY_PRIMING + count(request.body().path("instructions").asText(""));
        tokens += conversation(request);
        for (JsonNode item : request.inputItems()) {
            tokens += item(item);
        }
        JsonNode tools = request.body().get("tools");
        if (tools != null && !tools.isNull()) {
            tokens += count(tools.toString());
        }
        return tokens;
    }

    /**
     * The conversation's tokens as its last response reported them (so that a chain the deployment keeps is never read
     * for an estimate); counted from its items only when that response reported no usage.
     */
    private static long conversation(ResponsesRequest request) {
        PreviousResponse previous = request.previous();
        if (previous == null) {
            return 0;
        }
        if (previous.conversationTokens() >= 0) {
            return previous.conversationTokens();
        }
        long tokens = 0;
        for (JsonNode item : request.history()) {
            tokens += item(item);
        }
        return tokens;
    }

    private static long item(JsonNode item) {
        long tokens = PER_ITEM + count(item.path("role").asText("")) + count(item.path("name").asText(""))
                + count(item.path("arguments").asText(""));
        tokens += content(item.get("content")) + content(item.get("output"));
        return tokens;
    }

    private static long content(JsonNode content) {
        if (content == null || content.isNull()) {
            return 0;
        }
        if (content.isTextual()) {
            return count(content.asText());
        }
        long tokens = 0;
        for (JsonNode part : content) {
            tokens += count(part.path("text").asText("")) + count(part.path("refusal").asText(""));
        }
        return tokens;
    }

    private static long count(String text) {
        return text.isEmpty() ? 0 : UsageEstimator.completionTokens(text);
    }
}
