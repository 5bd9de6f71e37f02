package dev.camelgateway.provider.mistral;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelgateway.api.Json;
import dev.camelgateway.provider.MappedResponse;
import dev.camelgateway.provider.UpstreamJson;
import dev.camelgateway.provider.openai.OpenAiUsage;


/** A whole Mistral answer → OpenAI {@code chat.completion}: same shape, finish reasons mapped, list content flattened. */
final class MistralResponseMapper {
    private MistralResponseMapper() {
    }

    static MappedResponse toChatCompletion(byte[] upstreamBody) {
        ObjectNode completion = UpstreamJson.object(upstreamBody, "response body");
        for (JsonNode choice : completion.path("choices")) {
            ObjectNode c = (ObjectNode) choice;
            c.put("finish_reason", MistralFinishReasons.toFinishReason(c.path("finish_reason").asText(null)));
            if (c.path("message") instanceof ObjectNode message) {
                MistralContent.flatten(message);
            }
        }
        completion.put("object", "chat.completion");
        return new MappedResponse(Json.bytes(completion), OpenAiUsage.toUsage(completion.get("usage")));
    }
}
