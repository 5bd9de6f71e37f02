package dev.camelgateway.api.messages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelgateway.api.ClientApi;
import dev.camelgateway.api.Json;
import dev.camelgateway.provider.UpstreamStreamException;
import dev.camelgateway.stream.SseFrame;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Canonical chunks of one attempt → Anthropic's event stream (https://docs.anthropic.com/en/api/messages-streaming):
 * {@code message_start} (the provider's usage if it came already, else the gateway's count of the prompt: Anthropic
 * always reports the input there, and clients read it to track their context) and a {@code ping} at the first chunk; then one
 * content block per run of text and per tool call ({@code content_block_start}, {@code text_delta} /
 * {@code input_json_delta} deltas, {@code content_block_stop}), each opened when its first fragment comes and closed
 * when another starts or the choice finishes; {@link #end()} — only for a complete stream — sends what is still owed:
 * {@code message_delta} with the stop reason and the usage chunk's counts, then {@code message_stop}. A broken stream
 * gets {@code event: error} instead, never a {@code message_stop}. Only the first choice is read (Anthropic has one).
 */
final class MessagesStreamEncoder implements ClientApi.StreamEncoder {
    private final String model;
    private final List<String> stopSequences;
    private boolean started;
    private int nextBlock;
    private int openBlock = -1;
    private boolean openIsText;
    /** Canonical tool-call index → its content block. */
    private final Map<Integer, Integer> toolBlocks = new HashMap<>();
    private StopReasons.Stop stop;
    private JsonNode usage;
    private final long promptTokens;
    private boolean refused;

    /** @param promptTokens the gateway's count of the prompt, for message_start until the provider's own arrives */
    MessagesStreamEncoder(String model, List<String> stopSequences, long promptTokens) {
        this.model = model;
        this.stopSequences = stopSequences;
        this.promptTokens = promptTokens;
    }

    @Override
    public List<SseFrame> encode(List<String> chunks) {
        List<SseFrame> frames = new ArrayList<>();
        for (String chunk : chunks) {
            ObjectNode parsed = Json.objectOrNull(chunk);
            if (parsed != null) {
                onChunk(parsed, frames);
            }
        }
        return frames;
    }

    @Override
    public List<SseFrame> end() {
        List<SseFrame> frames = new ArrayList<>();
        if (!started) {
            start(null, frames);
        }
        closeBlock(frames);
        StopReasons.Stop last = stop == null ? new StopReasons.Stop("end_turn", null) : stop;
        ObjectNode delta = Json.object().put("type", "message_delta");
        delta.putObject("delta").put("stop_reason", last.reason()).put("stop_sequence", last.sequence());
        delta.set("usage", AnthropicShapes.usage(usage));
        frames.add(event("message_delta", delta));
        frames.add(event("message_stop", Json.object().put("type", "message_stop")));
        return frames;
    }

    @Override
    public List<SseFrame> error(String errorBody) {
        return List.of(new SseFrame("error", errorBody));
    }

    private void onChunk(ObjectNode chunk, List<SseFrame> frames) {
        if (chunk.path("usage").isObject()) {
            usage = chunk.get("usage");
        }
        if (!started) {
            start(chunk, frames);
        }
        JsonNode choice = chunk.path("choices").path(0);
        if (!choice.isObject() || choice.path("index").asInt(0) != 0) {
            return;
        }
        JsonNode delta = choice.path("delta");
        text(delta.path("content"), frames);
        if (text(delta.path("refusal"), frames)) {
            refused = true; // an OpenAI refusal: its text is the answer, its stop reason refusal
        }
        JsonNode calls = delta.path("tool_calls");
        for (int i = 0; i < calls.size(); i++) {
            toolCall(calls.get(i), i, frames);
        }
        String finish = choice.path("finish_reason").asText(null);
        if (finish != null) {
            closeBlock(frames);
            stop = refused ? new StopReasons.Stop("refusal", null) : StopReasons.of(finish, choice, stopSequences);
        }
    }

    private void start(ObjectNode chunk, List<SseFrame> frames) {
        started = true;
        ObjectNode message = Json.object().put("id", AnthropicShapes.messageId(chunk == null ? null : chunk.get("id")))
                .put("type", "message").put("role", "assistant").put("model", model);
        message.putArray("content");
        message.putNull("stop_reason");
        message.putNull("stop_sequence");
        ObjectNode known = AnthropicShapes.usage(usage);
        if (usage == null) {
            known.put("input_tokens", promptTokens);
        }
        message.set("usage", known);
        ObjectNode start = Json.object().put("type", "message_start");
        start.set("message", message);
        frames.add(event("message_start", start));
        frames.add(event("ping", Json.object().put("type", "ping"))); // as Anthropic sends one right after
    }

    /** Text of the answer, in the open text block (or a new one); false when there was none. */
    private boolean text(JsonNode text, List<SseFrame> frames) {
        if (!text.isTextual() || text.asText().isEmpty()) {
            return false;
        }
        if (openBlock < 0 || !openIsText) {
            ObjectNode block = Json.object().put("type", "text").put("text", "");
            open(block, true, frames);
        }
        ObjectNode delta = Json.object().put("type", "text_delta").put("text", text.asText());
        frames.add(blockDelta(delta));
        return true;
    }

    /** A fragment of a tool call: its first opens a tool_use block; later ones are its arguments. */
    private void toolCall(JsonNode call, int position, List<SseFrame> frames) {
        int toolIndex = call.path("index").asInt(position);
        Integer block = toolBlocks.get(toolIndex);
        if (block == null) {
            ObjectNode start = Json.object().put("type", "tool_use")
                    .put("id", call.path("id").asText("toolu_" + nextBlock))
                    .put("name", call.path("function").path("name").asText(""));
            start.putObject("input");
            toolBlocks.put(toolIndex, open(start, false, frames));
        } else if (block != openBlock) {
            throw new UpstreamStreamException(UpstreamStreamException.PROTOCOL_ERROR,
                    "The upstream resumed tool call " + toolIndex + " after another part of the answer had started.");
        }
        String arguments = call.path("function").path("arguments").asText("");
        if (!arguments.isEmpty()) {
            frames.add(blockDelta(Json.object().put("type", "input_json_delta").put("partial_json", arguments)));
        }
    }

    private int open(ObjectNode contentBlock, boolean text, List<SseFrame> frames) {
        closeBlock(frames);
        openBlock = nextBlock++;
        openIsText = text;
        ObjectNode start = Json.object().put("type", "content_block_start").put("index", openBlock);
        start.set("content_block", contentBlock);
        frames.add(event("content_block_start", start));
        return openBlock;
    }

    private void closeBlock(List<SseFrame> frames) {
        if (openBlock >= 0) {
            frames.add(event("content_block_stop", Json.object().put("type", "content_block_stop").put("index", openBlock)));
            openBlock = -1;
        }
    }

    private SseFrame blockDelta(ObjectNode delta) {
        ObjectNode event = Json.object().put("type", "content_block_delta").put("index", openBlock);
        event.set("delta", delta);
        return event("content_block_delta", event);
    }

    private static SseFrame event(String name, ObjectNode data) {
        return new SseFrame(name, Json.write(data));
    }
}
