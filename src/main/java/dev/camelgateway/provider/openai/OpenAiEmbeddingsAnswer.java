package dev.camelgateway.provider.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelgateway.api.Json;
import dev.camelgateway.provider.UpstreamStreamException;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import java.util.List;

/**
 * OpenAI's embeddings answer, for providers that answer in another shape:
 * {@code {"object":"list","data":[{"object":"embedding","index":i,"embedding":…}],"model":…,"usage":{…}}}. With
 * {@code encoding_format: base64} each vector is its float32 values, little-endian, in standard base64 — what OpenAI
 * sends and its SDKs decode.
 */
public final class OpenAiEmbeddingsAnswer {
    private OpenAiEmbeddingsAnswer() {
    }

    /** The vector an upstream sent: a non-empty array of numbers, else an upstream protocol error naming its index. */
    public static ArrayNode vector(JsonNode values, int index) {
        boolean numbers = values instanceof ArrayNode array && !array.isEmpty();
        for (int i = 0; numbers && i < values.size(); i++) {
            numbers = values.get(i).isNumber();
        }
        if (!numbers) {
            throw new UpstreamStreamException(UpstreamStreamException.PROTOCOL_ERROR,
                    "The upstream sent embedding " + index + " without its values as an array of numbers.");
        }
        return (ArrayNode) values;
    }

    /** @param request the client's request: its {@code encoding_format} says floats or base64 */
    public static byte[] toJson(List<ArrayNode> vectors, String model, long promptTokens, long totalTokens,
                                ObjectNode request) {
        boolean base64 = "base64".equals(request.path("encoding_format").asText());
        ObjectNode answer = Json.object();
        answer.put("object", "list");
        ArrayNode data = answer.putArray("data");
        for (int i = 0; i < vectors.size(); i++) {
            ObjectNode item = data.addObject();
            item.put("object", "embedding");
            item.put("index", i);
            if (base64) {
                item.put("embedding", toBase64(vectors.get(i)));
            } else {
                item.set("embedding", vectors.get(i));
            }
        }
        answer.put("model", model);
        answer.putObject("usage").put("prompt_tokens", promptTokens).put("total_tokens", totalTokens);
        return Json.bytes(answer);
    }

    static String toBase64(ArrayNode values) {
        ByteBuffer bytes = ByteBuffer.allocate(values.size() * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        values.forEach(value -> bytes.putFloat(value.floatValue()));
        return Base64.getEncoder().encodeToString(bytes.array());
    }
}
