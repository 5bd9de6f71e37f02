package dev.camelgateway.provider.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelgateway.api.ClientRequest;
import dev.camelgateway.api.embeddings.EmbeddingsInput;
import dev.camelgateway.provider.MappedResponse;
import dev.camelgateway.provider.UpstreamJson;
import dev.camelgateway.provider.UpstreamStreamException;
import dev.camelgateway.provider.openai.OpenAiEmbeddingsAnswer;
import dev.camelgateway.routing.Target;
import dev.camelgateway.usage.Usage;

import java.util.ArrayList;
import java.util.List;

/**
 * A Gemini {@code batchEmbedContents} answer ({@code {"embeddings":[{"values":[…]}]}}, in the order of the requests)
 * → OpenAI's embeddings answer. Gemini reports no token usage: the answer's usage is the gateway's count (jtokkit) and
 * the attempt's usage says the prompt was not reported, so that its row is marked estimated.
 */
final class GeminiEmbeddingsResponseMapper {
    /** Prompt not reported; completion zero (an embedding has no output). */
    static final Usage NOT_REPORTED = new Usage(null, 0L, null, null, null);

    private GeminiEmbeddingsResponseMapper() {
    }

    static MappedResponse toEmbeddings(byte[] upstreamBody, ClientRequest request, Target target) {
        ObjectNode answer = UpstreamJson.object(upstreamBody, "response body");
        JsonNode embeddings = answer.get("embeddings");
        int expected = EmbeddingsInput.of(request.body()).size();
        if (!(embeddings instanceof ArrayNode items) || items.size() != expected) {
            throw new UpstreamStreamException(UpstreamStreamException.PROTOCOL_ERROR, "The upstream answered "
                    + (embeddings instanceof ArrayNode ? embeddings.size() : 0) + " embeddings for " + expected + " inputs.");
        }
        List<ArrayNode> vectors = new ArrayList<>(expected);
        for (int i = 0; i < expected; i++) {
            vectors.add(OpenAiEmbeddingsAnswer.vector(items.get(i).get("values"), i));
        }
        long prompt = request.promptTokens();
        return new MappedResponse(OpenAiEmbeddingsAnswer.toJson(vectors, target.upstreamModel(), prompt, prompt,
                request.body()), NOT_REPORTED);
    }
}
