package dev.camelgateway.provider;

import com.fasterxml.jackson.databind.JsonNode;

/** The text of an OpenAI message {@code content}: a string, or the {@code text} parts of an array joined. */
public final class MessageText {
    private MessageText() {
    }

    public static String of(JsonNode content) {
        if (content == null || content.isNull()) {
            return "";
        }
        if (content.isTextual()) {
            return content.asText();
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode part : content) {
            if ("text".equals(part.path("type").asText())) {
                text.append(part.path("text").asText(""));
            }
        }
        return text.toString();
    }
}
