package dev.camelgateway.provider.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelgateway.api.Json;
import dev.camelgateway.provider.StreamMapper;
import dev.camelgateway.provider.StreamOutput;
import dev.camelgateway.provider.UpstreamJson;
import dev.camelgateway.provider.UpstreamStreamException;
import dev.camelgateway.provider.openai.OpenAiShapes;
import dev.camelgateway.provider.openai.OpenAiShapes.ChunkHeader;
import dev.camelgateway.stream.SseEvent;
import dev.camelgateway.usage.Usage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Gemini {@code alt=sse} → OpenAI chunks (wire-formats §3.4, T20, T22). Each event is a whole response object with the
 * new text; function calls arrive whole (one tool-call delta each, numbered across the stream). Gemini sends no end
 * marker: the stream is complete when every candidate has a {@code finishReason}, and the gateway then ends it
 * with {@code [DONE]}. Usage is cumulative on every chunk, so the last one counts.
 */
final class GeminiStreamMapper implements StreamMapper {
    private final boolean includeUsage;
    private final String requestedModel;
    private final long created;
    private ChunkHeader header;
    private Usage usage;
    private final Set<Integer> started = new HashSet<>();
    private final Set<Integer> finished = new HashSet<>();
    private final Map<Integer, Integer> toolCalls = new HashMap<>();

    GeminiStreamMapper(boolean includeUsage, String requestedModel, long created) {
        this.includeUsage = includeUsage;
        this.requestedModel = requestedModel;
        this.created = created;
    }

    @Override
    public StreamOutput toChunks(SseEvent event) {
        ObjectNode response = UpstreamJson.event(event.data(), "stream event");
        if (response.has("error")) {
            throw GeminiErrorMapper.toStreamException(response.get("error"));
        }
        GeminiCandidates.rejectBlockedPrompt(response);
        if (header == null) {
            header = new ChunkHeader(response.path("responseId").asText("gemini-" + created), created,
                    response.path("modelVersion").asText(requestedModel));
        }
        Usage reported = GeminiUsage.toUsage(response.get("usageMetadata"));
        usage = reported != null ? reported : usage;
        List<String> chunks = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (JsonNode candidate : response.path("candidates")) {
            ObjectNode chunk = toChunk(candidate);
            if (chunk != null) {
                chunks.add(Json.write(chunk));
                text.append(OpenAiShapes.outputText(chunk));
            }
        }
        return new StreamOutput(chunks, null, text.toString());
    }

    /** Gemini's usage is cumulative on every chunk: the last one seen is the attempt's usage so far. */
    @Override
    public Usage usageSoFar() {
        return usage;
    }

    @Override
    public StreamOutput finish() {
        if (started.isEmpty() || !finished.containsAll(started)) {
            throw new UpstreamStreamException(UpstreamStreamException.INTERRUPTED,
                    "The Gemini stream ended before its finishReason.");
        }
        List<String> chunks = includeUsage && usage != null ? List.of(Json.write(OpenAiShapes.usageChunk(header, usage)))
                : List.of();
        return new StreamOutput(chunks, usage);
    }

    private ObjectNode toChunk(JsonNode candidate) {
        int index = candidate.path("index").asInt(0);
        ObjectNode delta = Json.object();
        if (started.add(index)) {
            delta.put("role", "assistant");
        }
        String thoughts = GeminiCandidates.thoughts(candidate);
        if (!thoughts.isEmpty()) {
            delta.put("reasoning_content", thoughts); // thought parts: the model's reasoning, not its answer
        }
        String text = GeminiCandidates.text(candidate);
        if (!text.isEmpty() || delta.has("role")) {
            delta.put("content", text);
        }
        int before = toolCalls.getOrDefault(index, 0);
        ArrayNode calls = GeminiCandidates.toolCalls(candidate, header.id(), before);
        for (int i = 0; i < calls.size(); i++) {
            ((ObjectNode) calls.get(i)).put("index", before + i);
        }
        if (!calls.isEmpty()) {
            delta.set("tool_calls", calls);
            toolCalls.put(index, before + calls.size());
        }
        String reason = candidate.path("finishReason").asText(null);
        String finish = null;
        if (reason != null) {
            finished.add(index);
            finish = GeminiFinishReasons.toFinishReason(reason, toolCalls.getOrDefault(index, 0) > 0);
        }
        return delta.isEmpty() && finish == null ? null : OpenAiShapes.chunk(header, index, delta, finish);
    }
}
