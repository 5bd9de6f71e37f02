package dev.camelgateway.provider.mistral;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelgateway.api.Json;
import dev.camelgateway.provider.StreamOutput;
import dev.camelgateway.provider.UpstreamStreamException;
import dev.camelgateway.usage.Usage;
import dev.camelgateway.provider.openai.OpenAiShapedStreamMapper;
import dev.camelgateway.provider.openai.OpenAiShapes;
import dev.camelgateway.provider.openai.OpenAiUsage;

import java.util.List;

/**
 * Mistral SSE → OpenAI chunks (wire-formats §4.4, T24). Mistral puts {@code usage} inside its finish chunk; OpenAI
 * clients expect it only in a separate {@code choices: []} chunk, and only when they asked with
 * {@code stream_options.include_usage}. Tool-call deltas get the OpenAI {@code index} when Mistral omits it.
 */
final class MistralStreamMapper extends OpenAiShapedStreamMapper {
    private final boolean includeUsage;
    private JsonNode usageJson;
    private String id;
    private long created;
    private String model;
    private int nextToolIndex;

    MistralStreamMapper(boolean includeUsage) {
        this.includeUsage = includeUsage;
    }

    @Override
    protected StreamOutput toChunks(ObjectNode chunk, String data) {
        if ("error".equals(chunk.path("object").asText())) { // Mistral's error body shape, seen in-band
            throw new UpstreamStreamException("upstream_error", "Mistral reported an error during the stream: "
                    + chunk.path("message"));
        }
        id = chunk.path("id").asText(id);
        created = chunk.path("created").asLong(created);
        model = chunk.path("model").asText(model);
        Usage reported = null;
        if (chunk.get("usage") instanceof ObjectNode u) {
            usageJson = u;
            reported = OpenAiUsage.toUsage(u);
        }
        chunk.remove("usage");
        if (chunk.path("choices").isEmpty()) {
            return new StreamOutput(List.of(), reported);
        }
        for (JsonNode choice : chunk.path("choices")) {
            toOpenAiChoice((ObjectNode) choice);
        }
        return new StreamOutput(List.of(Json.write(chunk)), reported, OpenAiShapes.outputText(chunk));
    }

    @Override
    protected StreamOutput closingChunks() {
        if (!includeUsage || usageJson == null) {
            return StreamOutput.NOTHING;
        }
        ObjectNode chunk = Json.object().put("id", id).put("object", "chat.completion.chunk").put("created", created)
                .put("model", model);
        chunk.putArray("choices");
        chunk.set("usage", usageJson);
        return StreamOutput.of(Json.write(chunk));
    }

    private void toOpenAiChoice(ObjectNode choice) {
        if (choice.hasNonNull("finish_reason")) {
            choice.put("finish_reason", MistralFinishReasons.toFinishReason(choice.get("finish_reason").asText()));
        }
        if (!(choice.get("delta") instanceof ObjectNode delta)) {
            return;
        }
        MistralContent.flatten(delta);
        for (JsonNode call : delta.path("tool_calls")) {
            ObjectNode c = (ObjectNode) call;
            if (c.hasNonNull("index")) {
                nextToolIndex = Math.max(nextToolIndex, c.get("index").asInt() + 1);
            } else {
                c.put("index", c.hasNonNull("id") ? nextToolIndex++ : Math.max(0, nextToolIndex - 1));
            }
            if (c.hasNonNull("id") && !c.has("type")) {
                c.put("type", "function"); // OpenAI's first fragment of a call names its type
            }
        }
    }
}
