package dev.camelgateway.provider.mistral;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Mistral may answer with content as a list of chunks; OpenAI clients expect a string. Text chunks are joined. */
final class MistralContent {
    private MistralContent() {
    }

    static void flatten(ObjectNode messageOrDelta) {
        JsonNode content = messageOrDelta.get("content");
        if (content == null || !content.isArray()) {
            return;
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode part : content) {
            if ("text".equals(part.path("type").asText())) {
                text.append(part.path("text").asText(""));
            }
        }
        messageOrDelta.put("content", text.toString());
    }
}
