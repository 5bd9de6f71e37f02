package dev.camelgateway.provider.mistral;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelgateway.api.ClientRequest;
import dev.camelgateway.api.Json;
import dev.camelgateway.api.embeddings.EmbeddingsInput;
import dev.camelgateway.provider.UnsupportedParameters;
import dev.camelgateway.provider.UpstreamRequest;
import dev.camelgateway.provider.openai.OpenAiEmbeddingsRequestMapper;
import dev.camelgateway.provider.openai.OpenAiRequestMapper;
import dev.camelgateway.routing.Target;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * OpenAI embeddings → Mistral's ({@code POST {base-url}/embeddings}, https://docs.mistral.ai/api/endpoint/embeddings):
 * the same shape, with {@code dimensions} named {@code output_dimension}. Mistral embeds text only (its {@code input}
 * is a string or strings), so token ids are a 400. Floats are always asked for: the gateway encodes base64 itself, as
 * OpenAI does, rather than trust another provider's encoding. Mistral refuses unknown fields (422 extra_forbidden), so
 * anything else goes to the unsupported-parameters policy; OpenAI's {@code user} is left out.
 */
final class MistralEmbeddingsRequestMapper {
    /** Read here, or by the gateway itself ({@code encoding_format}). */
    private static final Set<String> MAPPED = Set.of("model", "input", "dimensions", "encoding_format",
            "user"); // an end-user id for abuse monitoring, with no field here and no effect on the vectors: left out

    private MistralEmbeddingsRequestMapper() {
    }

    static UpstreamRequest toUpstreamRequest(ClientRequest request, Target target, UnsupportedParameters policy) {
        ObjectNode in = request.body();
        for (Iterator<Map.Entry<String, JsonNode>> it = in.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!field.getValue().isNull() && !MAPPED.contains(field.getKey())) {
                policy.reject(field.getKey());
            }
        }
        ObjectNode out = Json.object();
        out.put("model", target.upstreamModel());
        ArrayNode input = out.putArray("input");
        EmbeddingsInput.of(in).texts(target.providerId()).forEach(input::add);
        if (in.hasNonNull("dimensions")) {
            out.set("output_dimension", in.get("dimensions"));
        }
        return new UpstreamRequest(OpenAiEmbeddingsRequestMapper.embeddingsUrl(target), OpenAiRequestMapper.bearer(target),
                Json.bytes(out));
    }
}
