package dev.camelgateway.provider.mistral;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelgateway.api.ClientRequest;
import dev.camelgateway.api.embeddings.EmbeddingsInput;
import dev.camelgateway.provider.MappedResponse;
import dev.camelgateway.provider.UpstreamJson;
import dev.camelgateway.provider.UpstreamStreamException;
import dev.camelgateway.provider.openai.OpenAiEmbeddingsAnswer;
import dev.camelgateway.provider.openai.OpenAiEmbeddingsUsage;
import dev.camelgateway.routing.Target;
import dev.camelgateway.usage.Usage;

import java.util.ArrayList;
import java.util.List;

/**
 * A Mistral embeddings answer (OpenAI-shaped: {@code data[].embedding}, {@code usage.prompt_tokens}, plus an
 * {@code id} and {@code completion_tokens: 0}) → exactly OpenAI's, with the vectors in base64 when the client asked.
 */
final class MistralEmbeddingsResponseMapper {
    private MistralEmbeddingsResponseMapper() {
    }

    static MappedResponse toEmbeddings(byte[] upstreamBody, ClientRequest request, Target target) {
        ObjectNode answer = UpstreamJson.object(upstreamBody, "response body");
        JsonNode data = answer.get("data");
        int expected = EmbeddingsInput.of(request.body()).size();
        if (!(data instanceof ArrayNode items) || items.size() != expected) {
            throw new UpstreamStreamException(UpstreamStreamException.PROTOCOL_ERROR, "The upstream answered "
                    + (data instanceof ArrayNode ? data.size() : 0) + " embeddings for " + expected + " inputs.");
        }
        List<ArrayNode> vectors = new ArrayList<>(expected);
        for (int i = 0; i < expected; i++) {
            vectors.add(OpenAiEmbeddingsAnswer.vector(items.get(i).get("embedding"), i));
        }
        Usage usage = OpenAiEmbeddingsUsage.toUsage(answer.get("usage"));
        long prompt = usage.promptTokens() != null ? usage.promptTokens() : request.promptTokens();
        long total = usage.totalTokens() != null ? usage.totalTokens() : prompt;
        String model = answer.path("model").isTextual() ? answer.get("model").asText() : target.upstreamModel();
        return new MappedResponse(OpenAiEmbeddingsAnswer.toJson(vectors, model, prompt, total, request.body()), usage);
    }
}
