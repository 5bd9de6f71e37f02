package dev.camelgateway.provider.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelgateway.api.ClientRequest;
import dev.camelgateway.api.Json;
import dev.camelgateway.api.embeddings.EmbeddingsInput;
import dev.camelgateway.provider.UnsupportedParameters;
import dev.camelgateway.provider.UpstreamRequest;
import dev.camelgateway.routing.Target;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * OpenAI embeddings → Gemini {@code batchEmbedContents}
 * (https://ai.google.dev/api/embeddings#method:-models.batchembedcontents): {@code POST
 * {base-url}/v1beta/models/{model}:batchEmbedContents} with one {@code EmbedContentRequest} per input
 * ({@code {"model":"models/{model}","content":{"parts":[{"text":…}]},"outputDimensionality":…}}), the key in
 * {@code x-goog-api-key}. The model is checked as for chat ({@link GeminiRequestMapper#checkModel}): nothing of it can
 * change the URL. Gemini embeds text only, so token ids are a 400; base64 is encoded by the gateway; OpenAI's
 * {@code user} is left out, and anything else goes to the unsupported-parameters policy.
 */
final class GeminiEmbeddingsRequestMapper {
    /** Read here, or by the gateway itself ({@code encoding_format}). */
    private static final Set<String> MAPPED = Set.of("model", "input", "dimensions", "encoding_format",
            "user"); // an end-user id for abuse monitoring, with no field here and no effect on the vectors: left out

    private GeminiEmbeddingsRequestMapper() {
    }

    static UpstreamRequest toUpstreamRequest(ClientRequest request, Target target, UnsupportedParameters policy) {
        GeminiRequestMapper.checkModel(target.upstreamModel());
        ObjectNode in = request.body();
        for (Iterator<Map.Entry<String, JsonNode>> it = in.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!field.getValue().isNull() && !MAPPED.contains(field.getKey())) {
                policy.reject(field.getKey());
            }
        }
        ObjectNode out = Json.object();
        ArrayNode requests = out.putArray("requests");
        for (String text : EmbeddingsInput.of(in).texts(target.providerId())) {
            ObjectNode embed = requests.addObject();
            embed.put("model", "models/" + target.upstreamModel());
            embed.putObject("content").putArray("parts").addObject().put("text", text);
            if (in.hasNonNull("dimensions")) {
                embed.set("outputDimensionality", in.get("dimensions"));
            }
        }
        return new UpstreamRequest(GeminiRequestMapper.modelsUrl(target) + ":batchEmbedContents",
                GeminiRequestMapper.headers(target), Json.bytes(out));
    }
}
