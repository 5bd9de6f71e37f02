package dev.camelgateway.provider.anthropic;

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
import dev.camelgateway.stream.SseEvent;
import dev.camelgateway.usage.Usage;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Anthropic's event stream → OpenAI chunks (wire-formats §2.4, T08–T10): one handler per event type. Tool calls get
 * OpenAI's 0-based tool index (not Anthropic's block index); a tool call whose arguments stayed empty gets "{}" so
 * the client's concatenation is valid JSON. Usage: input at {@code message_start}, output (cumulative) at
 * {@code message_delta}; the separate usage chunk is sent only when the client asked for it. {@code thinking_delta}
 * becomes a {@code reasoning_content} delta; each thinking block, once complete with its signature, and each
 * redacted_thinking block arrive whole in a {@code thinking_blocks} delta (one entry per block: a client rebuilding the
 * message appends them), to be sent back in a tool loop ({@link AnthropicThinkingBlocks}).
 */
final class AnthropicStreamMapper implements StreamMapper {
    private final boolean includeUsage;
    private final boolean jsonMode;
    private final long created;
    private ChunkHeader header;
    private JsonNode inputUsage;
    private Usage usage;
    private final Map<Integer, ToolBlock> toolBlocks = new HashMap<>();
    private int nextToolIndex;
    private final Map<Integer, ThinkingBlock> thinkingBlocks = new HashMap<>();
    private boolean stopped;

    AnthropicStreamMapper(boolean includeUsage, boolean jsonMode, long created) {
        this.includeUsage = includeUsage;
        this.jsonMode = jsonMode;
        this.created = created;
    }

    @Override
    public StreamOutput toChunks(SseEvent event) {
        ObjectNode data = UpstreamJson.event(event.data(), "stream event");
        String type = data.path("type").asText(event.event() == null ? "" : event.event());
        if (!"message_start".equals(type) && !"error".equals(type) && !"ping".equals(type) && header == null) {
            throw new UpstreamStreamException(UpstreamStreamException.PROTOCOL_ERROR,
                    "Anthropic sent '" + type + "' before message_start.");
        }
        return switch (type) {
            case "message_start" -> onMessageStart(data.path("message"));
            case "content_block_start" -> onBlockStart(data.path("index").asInt(), data.path("content_block"));
            case "content_block_delta" -> onBlockDelta(data.path("index").asInt(), data.path("delta"));
            case "content_block_stop" -> onBlockStop(data.path("index").asInt());
            case "message_delta" -> onMessageDelta(data);
            case "message_stop" -> {
                stopped = true;
                yield StreamOutput.NOTHING;
            }
            case "error" -> throw AnthropicErrorMapper.toStreamException(data.path("error"));
            default -> StreamOutput.NOTHING; // ping, and event types added after this gateway was written
        };
    }

    /** Input tokens are known from message_start; output only once message_delta came. */
    @Override
    public Usage usageSoFar() {
        if (usage != null) {
            return usage;
        }
        return inputUsage == null ? null : AnthropicUsage.toUsage(inputUsage, null);
    }

    @Override
    public StreamOutput finish() {
        if (!stopped) {
            throw new UpstreamStreamException(UpstreamStreamException.INTERRUPTED,
                    "The Anthropic stream ended before message_stop.");
        }
        return includeUsage && usage != null ? StreamOutput.of(Json.write(OpenAiShapes.usageChunk(header, usage)))
                : StreamOutput.NOTHING;
    }

    private StreamOutput onMessageStart(JsonNode message) {
        header = new ChunkHeader(message.path("id").asText(), created, message.path("model").asText());
        inputUsage = message.path("usage");
        return chunk(Json.object().put("role", "assistant").put("content", ""), null);
    }

    private StreamOutput onBlockStart(int index, JsonNode block) {
        String type = block.path("type").asText();
        if ("thinking".equals(type)) {
            ThinkingBlock thinking = new ThinkingBlock();
            thinking.text.append(block.path("thinking").asText(""));
            thinking.signature = block.path("signature").asText("");
            thinkingBlocks.put(index, thinking);
            return StreamOutput.NOTHING;
        }
        if ("redacted_thinking".equals(type)) {
            return thinkingBlocksDelta(AnthropicThinkingBlocks.toOpenAi(block));
        }
        if (!"tool_use".equals(type)) {
            return StreamOutput.NOTHING; // text blocks start empty; their deltas carry the text
        }
        boolean json = jsonMode && AnthropicJsonMode.TOOL_NAME.equals(block.path("name").asText());
        ToolBlock tool = new ToolBlock(json ? -1 : nextToolIndex++, json);
        toolBlocks.put(index, tool);
        return json ? StreamOutput.NOTHING
                : chunk(OpenAiShapes.toolCallDelta(tool.toolIndex, block.path("id").asText(), block.path("name").asText(), ""), null);
    }

    private StreamOutput onBlockDelta(int index, JsonNode delta) {
        switch (delta.path("type").asText()) {
            case "text_delta" -> {
                return chunk(Json.object().put("content", delta.path("text").asText("")), null);
            }
            case "thinking_delta" -> {
                String thinking = delta.path("thinking").asText("");
                ThinkingBlock block = thinkingBlocks.get(index);
                if (block != null) {
                    block.text.append(thinking);
                }
                return thinking.isEmpty() ? StreamOutput.NOTHING
                        : chunk(Json.object().put("reasoning_content", thinking), null);
            }
            case "input_json_delta" -> {
                ToolBlock tool = toolBlocks.get(index);
                String partial = delta.path("partial_json").asText("");
                if (tool == null) {
                    throw new UpstreamStreamException(UpstreamStreamException.PROTOCOL_ERROR,
                            "Anthropic sent tool input for block " + index + ", which is not a tool_use block.");
                }
                if (partial.isEmpty()) {
                    return StreamOutput.NOTHING;
                }
                tool.hasArguments = true;
                return tool.json ? chunk(Json.object().put("content", partial), null)
                        : chunk(OpenAiShapes.toolCallDelta(tool.toolIndex, null, null, partial), null);
            }
            case "signature_delta" -> {
                ThinkingBlock block = thinkingBlocks.get(index);
                if (block != null) {
                    block.signature = block.signature + delta.path("signature").asText("");
                }
                return StreamOutput.NOTHING; // sent with the whole block at its stop
            }
            default -> {
                return StreamOutput.NOTHING;
            }
        }
    }

    private StreamOutput onBlockStop(int index) {
        ThinkingBlock thinking = thinkingBlocks.remove(index);
        if (thinking != null) {
            return thinkingBlocksDelta(ThinkingBlocks.thinking(thinking.text.toString(), thinking.signature));
        }
        ToolBlock tool = toolBlocks.get(index);
        if (tool == null || tool.hasArguments) {
            return StreamOutput.NOTHING;
        }
        return tool.json ? chunk(Json.object().put("content", "{}"), null)
                : chunk(OpenAiShapes.toolCallDelta(tool.toolIndex, null, null, "{}"), null);
    }

    private StreamOutput onMessageDelta(JsonNode data) {
        usage = AnthropicUsage.toUsage(data.path("usage").has("input_tokens") ? data.path("usage") : inputUsage,
                data.path("usage"));
        String finish = AnthropicFinishReasons.toFinishReason(data.path("delta").path("stop_reason").asText(null), jsonMode);
        return new StreamOutput(List.of(Json.write(OpenAiShapes.chunk(header, 0, Json.object(), finish))), usage);
    }

    private StreamOutput thinkingBlocksDelta(ObjectNode block) {
        return StreamOutput.of(Json.write(OpenAiShapes.chunk(header, 0, ThinkingBlocks.delta(block), null)));
    }

    private StreamOutput chunk(ObjectNode delta, String finishReason) {
        StringBuilder text = new StringBuilder();
        OpenAiShapes.appendDelta(delta, text);
        return StreamOutput.of(Json.write(OpenAiShapes.chunk(header, 0, delta, finishReason)), text.toString());
    }

    private static final class ThinkingBlock {
        final StringBuilder text = new StringBuilder();
        String signature = "";
    }

    private static final class ToolBlock {
        final int toolIndex;
        final boolean json;
        boolean hasArguments;

        ToolBlock(int toolIndex, boolean json) {
            this.toolIndex = toolIndex;
            this.json = json;
        }
    }
}
