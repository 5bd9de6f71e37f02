package dev.camelgateway.provider.bedrock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelgateway.api.Json;
import dev.camelgateway.provider.StreamMapper;
import dev.camelgateway.provider.StreamOutput;
import dev.camelgateway.provider.ThinkingBlocks;
import dev.camelgateway.provider.UpstreamJson;
import dev.camelgateway.provider.UpstreamStreamException;
import dev.camelgateway.provider.openai.OpenAiShapes;
import dev.camelgateway.provider.openai.OpenAiShapes.ChunkHeader;
import dev.camelgateway.stream.AwsEventStreamParser;
import dev.camelgateway.stream.SseEvent;
import dev.camelgateway.usage.Usage;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * ConverseStream's events (one per AWS event-stream frame, named by {@code :event-type},
 * https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_ConverseStream.html) → OpenAI chunks, one handler
 * per event: {@code messageStart} → the role chunk; {@code contentBlockStart} of a toolUse → the tool call's id and
 * name (OpenAI's 0-based tool index, not Bedrock's block index); {@code contentBlockDelta} text, toolUse input
 * (partial JSON) and reasoningContent text (each reasoning block also whole, signed, in a thinking_blocks delta at its stop); {@code contentBlockStop} of a tool whose input
 * stayed empty → "{}"; {@code messageStop} → the finish chunk; {@code metadata} → the usage (its chunk only when the
 * client asked for it). Exception frames ({@code throttlingException}, {@code modelStreamErrorException}, …) throw.
 */
final class BedrockStreamMapper implements StreamMapper {
    private final boolean includeUsage;
    private final ChunkHeader header;
    private final Map<Integer, Reasoning> reasoningBlocks = new HashMap<>();
    private final Map<Integer, ToolBlock> toolBlocks = new HashMap<>();
    private boolean started;
    private boolean stopped;
    private int nextToolIndex;
    private Usage usage;

    /** @param header the chunks' id, creation time and model (ConverseStream sends none of them) */
    BedrockStreamMapper(boolean includeUsage, ChunkHeader header) {
        this.includeUsage = includeUsage;
        this.header = header;
    }

    @Override
    public StreamOutput toChunks(SseEvent event) {
        String type = event.event() == null ? "" : event.event();
        if (type.endsWith("Exception") || AwsEventStreamParser.ERROR_EVENT.equals(type)) {
            throw BedrockErrorMapper.toStreamException(type, event.data());
        }
        ObjectNode data = UpstreamJson.event(event.data(), "Bedrock stream event");
        if (!started && !"messageStart".equals(type)) {
            throw new UpstreamStreamException(UpstreamStreamException.PROTOCOL_ERROR,
                    "Bedrock sent '" + type + "' before messageStart.");
        }
        return switch (type) {
            case "messageStart" -> onMessageStart();
            case "contentBlockStart" -> onBlockStart(data.path("contentBlockIndex").asInt(), data.path("start"));
            case "contentBlockDelta" -> onBlockDelta(data.path("contentBlockIndex").asInt(), data.path("delta"));
            case "contentBlockStop" -> onBlockStop(data.path("contentBlockIndex").asInt());
            case "messageStop" -> onMessageStop(data);
            case "metadata" -> onMetadata(data);
            default -> StreamOutput.NOTHING; // event types added after this gateway was written
        };
    }

    @Override
    public Usage usageSoFar() {
        return usage;
    }

    @Override
    public StreamOutput finish() {
        if (!stopped) {
            throw new UpstreamStreamException(UpstreamStreamException.INTERRUPTED,
                    "The Bedrock stream ended before messageStop.");
        }
        return includeUsage && usage != null ? StreamOutput.of(Json.write(OpenAiShapes.usageChunk(header, usage)))
                : StreamOutput.NOTHING;
    }

    private StreamOutput onMessageStart() {
        started = true;
        return chunk(Json.object().put("role", "assistant").put("content", ""));
    }

    private StreamOutput onBlockStart(int index, JsonNode start) {
        JsonNode use = start.path("toolUse");
        if (!use.isObject()) {
            return StreamOutput.NOTHING; // text and reasoning blocks start with their first delta
        }
        ToolBlock tool = new ToolBlock(nextToolIndex++);
        toolBlocks.put(index, tool);
        return chunk(OpenAiShapes.toolCallDelta(tool.toolIndex, use.path("toolUseId").asText(), use.path("name").asText(), ""));
    }

    private StreamOutput onBlockDelta(int index, JsonNode delta) {
        if (delta.has("text")) {
            return chunk(Json.object().put("content", delta.path("text").asText("")));
        }
        if (delta.has("reasoningContent")) {
            JsonNode content = delta.path("reasoningContent");
            if (content.has("redactedContent")) { // whole in one delta
                return chunk(ThinkingBlocks.delta(ThinkingBlocks.redacted(content.path("redactedContent").asText(""))));
            }
            Reasoning block = reasoningBlocks.computeIfAbsent(index, i -> new Reasoning());
            block.signature.append(content.path("signature").asText(""));
            String text = content.path("text").asText("");
            block.text.append(text);
            return text.isEmpty() ? StreamOutput.NOTHING : chunk(Json.object().put("reasoning_content", text));
        }
        if (delta.has("toolUse")) {
            ToolBlock tool = toolBlocks.get(index);
            if (tool == null) {
                throw new UpstreamStreamException(UpstreamStreamException.PROTOCOL_ERROR,
                        "Bedrock sent tool input for block " + index + ", which is not a toolUse block.");
            }
            String partial = delta.path("toolUse").path("input").asText("");
            if (partial.isEmpty()) {
                return StreamOutput.NOTHING;
            }
            tool.hasArguments = true;
            return chunk(OpenAiShapes.toolCallDelta(tool.toolIndex, null, null, partial));
        }
        return StreamOutput.NOTHING; // citations, images: no OpenAI delta
    }

    private StreamOutput onBlockStop(int index) {
        Reasoning reasoning = reasoningBlocks.remove(index);
        if (reasoning != null) { // the whole signed block, once, for the next turn of a tool loop
            return chunk(ThinkingBlocks.delta(ThinkingBlocks.thinking(reasoning.text.toString(), reasoning.signature.toString())));
        }
        ToolBlock tool = toolBlocks.get(index);
        return tool == null || tool.hasArguments ? StreamOutput.NOTHING
                : chunk(OpenAiShapes.toolCallDelta(tool.toolIndex, null, null, "{}"));
    }

    private StreamOutput onMessageStop(JsonNode data) {
        stopped = true;
        String finish = BedrockFinishReasons.toFinishReason(data.path("stopReason").asText(null));
        return StreamOutput.of(Json.write(OpenAiShapes.chunk(header, 0, Json.object(), finish)));
    }

    private StreamOutput onMetadata(JsonNode data) {
        if (!data.path("usage").isObject()) {
            return StreamOutput.NOTHING;
        }
        usage = BedrockUsage.toUsage(data.get("usage"));
        return new StreamOutput(List.of(), usage);
    }

    private StreamOutput chunk(ObjectNode delta) {
        StringBuilder text = new StringBuilder();
        OpenAiShapes.appendDelta(delta, text);
        return StreamOutput.of(Json.write(OpenAiShapes.chunk(header, 0, delta, null)), text.toString());
    }

    private static final class ToolBlock {
        final int toolIndex;
        boolean hasArguments;

        ToolBlock(int toolIndex) {
            this.toolIndex = toolIndex;
        }
    }

    /** A reasoning block being streamed: its text and signature, sent whole in thinking_blocks at its stop. */
    private static final class Reasoning {
        final StringBuilder text = new StringBuilder();
        final StringBuilder signature = new StringBuilder();
    }
}
