package dev.camelgateway.provider.mistral;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelgateway.api.Json;
import dev.camelgateway.provider.StreamMapper;
import dev.camelgateway.provider.StreamOutput;
import dev.camelgateway.provider.UpstreamStreamException;
import dev.camelgateway.stream.SseEvent;
import dev.camelgateway.usage.Usage;
import dev.camelgateway.provider.openai.OpenAiUsageExtractor;

import java.io.IOException;
import java.util.List;

/**
 * Mistral SSE → OpenAI chunks (wire-formats §4.4, T24). Mistral puts {@code usage} inside its finish chunk; OpenAI
 * clients expect it only in a separate {@code choices: []} chunk, and only when they asked with
 * {@code stream_options.include_usage}. Tool-call deltas get the OpenAI {@code index} when Mistral omits it.
 */
final class MistralStreamMapper implements StreamMapper {
    private final boolean includeUsage;
    private boolean done;
    private JsonNode usageJson;
    private String id;
    private long created;
    private String model;
    private int nextToolIndex;

    MistralStreamMapper(boolean includeUsage) {
        this.includeUsage = includeUsage;
    }

    @Override
    public StreamOutput toChunks(SseEvent event) {
        if (done) {
            return StreamOutput.NOTHING;
        }
        if ("[DONE]".equals(event.data())) {
            done = true;
            return StreamOutput.NOTHING;
        }
        ObjectNode chunk = parse(event.data());
        if (chunk.has("error") || "error".equals(chunk.path("object").asText())) {
            throw new UpstreamStreamException("upstream_error", "Mistral reported an error during the stream: "
                    + Json.write(chunk.has("error") ? chunk.get("error") : chunk.get("message")));
        }
        id = chunk.path("id").asText(id);
        created = chunk.path("created").asLong(created);
        model = chunk.path("model").asText(model);
        Usage reported = null;
        if (chunk.get("usage") instanceof ObjectNode u) {
            usageJson = u;
            reported = OpenAiUsageExtractor.toUsage(u);
        }
        chunk.remove("usage");
        if (chunk.path("choices").isEmpty()) {
            return new StreamOutput(List.of(), reported);
        }
        for (JsonNode choice : chunk.path("choices")) {
            toOpenAiChoice((ObjectNode) choice);
        }
        return new StreamOutput(List.of(Json.write(chunk)), reported);
    }

    @Override
    public StreamOutput finish() {
        if (!done) {
            throw new UpstreamStreamException(UpstreamStreamException.INTERRUPTED,
                    "The Mistral stream ended before it was complete: the connection closed without the end-of-stream marker.");
        }
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

    private static ObjectNode parse(String data) {
        try {
            if (Json.parse(data) instanceof ObjectNode object) {
                return object;
            }
        } catch (IOException e) {
            // reported below
        }
        throw new UpstreamStreamException(UpstreamStreamException.PROTOCOL_ERROR,
                "Mistral sent a stream event that is not a JSON object.");
    }
}
