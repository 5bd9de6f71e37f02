package dev.camelgateway.api.responses;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelgateway.api.ClientApi;
import dev.camelgateway.api.Json;
import dev.camelgateway.stream.SseFrame;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Canonical chunks of one attempt → the Responses streaming events (https://platform.openai.com/docs/api-reference/
 * responses-streaming): {@code response.created} and {@code response.in_progress} first; per output item
 * {@code output_item.added}, its deltas ({@code output_text}, {@code refusal}, {@code function_call_arguments}) and
 * {@code .done} events; the items close at the finish reason; {@code response.completed} (or {@code .incomplete}) with
 * the whole response and its usage comes only from {@link #end()}, after the response was stored. A failure after the
 * first byte is {@code response.failed}, never a completion. Every event carries its {@code type} as the SSE event name
 * and in its data, and an increasing {@code sequence_number}. One instance per attempt; one thread at a time.
 */
public final class ResponsesStreamEncoder implements ClientApi.StreamEncoder {
    private final ObjectNode request;
    private final String responseId;
    private final long createdAt;
    private final ItemIds ids;
    private final Consumer<ObjectNode> finished;
    private final ArrayNode output = Json.MAPPER.createArrayNode();
    private int sequence;
    private boolean started;
    private String model;
    private int items;
    private OpenItem message;
    /** The function calls being streamed, by their chat tool-call index (fragments of several may interleave). */
    private final Map<Integer, OpenItem> calls = new LinkedHashMap<>();
    private String finishReason;
    private JsonNode chatUsage;

    /**
     * @param request   the client's Responses request (its settings are echoed on the response)
     * @param createdAt epoch seconds
     * @param finished  takes the finished response before the stream completes with it (it keeps it, or throws)
     */
    public ResponsesStreamEncoder(ObjectNode request, String responseId, long createdAt, ItemIds ids,
                                  Consumer<ObjectNode> finished) {
        this.request = request;
        this.responseId = responseId;
        this.createdAt = createdAt;
        this.ids = ids;
        this.finished = finished;
        this.model = request.path("model").asText();
    }

    @Override
    public List<SseFrame> encode(List<String> chunks) {
        List<SseFrame> frames = new ArrayList<>();
        for (String text : chunks) {
            ObjectNode chunk = Json.objectOrNull(text);
            if (chunk == null) {
                continue;
            }
            if (!started && chunk.hasNonNull("model")) {
                model = chunk.get("model").asText();
            }
            start(frames);
            if (chunk.hasNonNull("usage")) {
                chatUsage = chunk.get("usage");
            }
            JsonNode choice = chunk.path("choices").path(0);
            JsonNode delta = choice.path("delta");
            if (delta.path("content").isTextual() && !delta.get("content").asText().isEmpty()) {
                text(frames, "output_text", delta.get("content").asText());
            }
            if (delta.path("refusal").isTextual() && !delta.get("refusal").asText().isEmpty()) {
                text(frames, "refusal", delta.get("refusal").asText());
            }
            for (JsonNode call : delta.path("tool_calls")) {
                toolCall(frames, call);
            }
            if (choice.hasNonNull("finish_reason")) {
                finishReason = choice.get("finish_reason").asText();
                closeAll(frames);
            }
        }
        return frames;
    }

    /** Stores the finished response, then completes the stream with it. */
    @Override
    public List<SseFrame> end() {
        List<SseFrame> frames = new ArrayList<>();
        start(frames);
        closeAll(frames);
        ObjectNode response = response();
        ResponsesFinish.apply(response, finishReason);
        response.set("usage", ResponsesUsage.fromChat(chatUsage));
        finished.accept(response);
        emit(frames, "completed".equals(response.path("status").asText()) ? "response.completed" : "response.incomplete",
                Json.object().set("response", response));
        return frames;
    }

    @Override
    public List<SseFrame> error(String errorBody) {
        List<SseFrame> frames = new ArrayList<>();
        start(frames);
        ObjectNode response = response();
        response.set("usage", ResponsesUsage.fromChat(chatUsage));
        frames.add(ResponseFailedEvent.of(response, request, errorBody, sequence++));
        return frames;
    }

    private ObjectNode response() {
        ObjectNode response = ResponseShell.of(request, responseId, createdAt, model);
        response.set("output", output.deepCopy());
        return response;
    }

    private void start(List<SseFrame> frames) {
        if (!started) {
            started = true;
            ObjectNode response = response();
            emit(frames, "response.created", Json.object().set("response", response));
            emit(frames, "response.in_progress", Json.object().set("response", response));
        }
    }

    private void text(List<SseFrame> frames, String partType, String delta) {
        if (message == null) {
            closeAll(frames);
            message = OpenItem.message(items++, ids.next("msg"));
            ObjectNode item = ChatToResponse.messageItem(message.id, "in_progress");
            emit(frames, "response.output_item.added", Json.object().put("output_index", message.index).set("item", item));
        }
        OpenItem open = message;
        if (!partType.equals(open.partType)) {
            closePart(frames, open);
            open.partType = partType;
            emit(frames, "response.content_part.added", at(open).put("content_index", open.parts.size())
                    .set("part", part(partType, "")));
        }
        open.text.append(delta);
        ObjectNode event = at(open).put("content_index", open.parts.size()).put("delta", delta);
        if (partType.equals("output_text")) {
            event.putArray("logprobs");
        }
        emit(frames, "response." + partType + ".delta", event);
    }

    private void toolCall(List<SseFrame> frames, JsonNode call) {
        int index = call.path("index").asInt(0);
        OpenItem open = calls.get(index);
        if (open == null) {
            if (message != null) {
                close(frames, message);
                message = null;
            }
            open = OpenItem.function(items++, ids.next("fc"), index, call.path("id").asText(""),
                    call.path("function").path("name").asText(""));
            calls.put(index, open);
            emit(frames, "response.output_item.added", Json.object().put("output_index", open.index)
                    .set("item", ChatToResponse.functionCall(open.id, open.callId, open.name, "", "in_progress")));
        }
        String arguments = call.path("function").path("arguments").asText("");
        if (!arguments.isEmpty()) {
            open.text.append(arguments);
            emit(frames, "response.function_call_arguments.delta", at(open).put("delta", arguments));
        }
    }

    /** Closes the open items in their output order (a message, or the function calls). */
    private void closeAll(List<SseFrame> frames) {
        if (message != null) {
            close(frames, message);
            message = null;
        }
        calls.values().forEach(call -> close(frames, call));
        calls.clear();
    }

    /** Closes an item: its last part's done events, then output_item.done with the whole item. */
    private void close(List<SseFrame> frames, OpenItem open) {
        String status = ResponsesFinish.incomplete(finishReason) ? "incomplete" : "completed";
        ObjectNode item;
        if (open.function) {
            String arguments = open.text.toString();
            emit(frames, "response.function_call_arguments.done", at(open).put("name", open.name).put("arguments", arguments));
            item = ChatToResponse.functionCall(open.id, open.callId, open.name, arguments, status);
        } else {
            closePart(frames, open);
            item = ChatToResponse.messageItem(open.id, status);
            item.set("content", open.parts);
        }
        emit(frames, "response.output_item.done", Json.object().put("output_index", open.index).set("item", item));
        output.add(item);
    }

    private void closePart(List<SseFrame> frames, OpenItem open) {
        if (open.partType == null) {
            return;
        }
        String text = open.text.toString();
        int index = open.parts.size();
        ObjectNode done = at(open).put("content_index", index).put(open.partType.equals("refusal") ? "refusal" : "text", text);
        if (open.partType.equals("output_text")) {
            done.putArray("logprobs");
        }
        emit(frames, "response." + open.partType + ".done", done);
        ObjectNode part = part(open.partType, text);
        emit(frames, "response.content_part.done", at(open).put("content_index", index).set("part", part));
        open.parts.add(part);
        open.partType = null;
        open.text.setLength(0);
    }

    private static ObjectNode part(String type, String text) {
        return type.equals("refusal") ? Json.object().put("type", "refusal").put("refusal", text) : ChatToResponse.outputText(text);
    }

    private static ObjectNode at(OpenItem item) {
        return Json.object().put("item_id", item.id).put("output_index", item.index);
    }

    private void emit(List<SseFrame> frames, String type, ObjectNode fields) {
        ObjectNode event = Json.object().put("type", type).put("sequence_number", sequence++);
        event.setAll(fields);
        frames.add(new SseFrame(type, Json.write(event)));
    }

    /** The output item being streamed: a message (its parts so far and the open part's text) or a function call. */
    private static final class OpenItem {
        final boolean function;
        final int index;
        final String id;
        final int toolIndex;
        final String callId;
        final String name;
        final StringBuilder text = new StringBuilder();
        final ArrayNode parts = Json.MAPPER.createArrayNode();
        String partType;

        private OpenItem(boolean function, int index, String id, int toolIndex, String callId, String name) {
            this.function = function;
            this.index = index;
            this.id = id;
            this.toolIndex = toolIndex;
            this.callId = callId;
            this.name = name;
        }

        static OpenItem message(int index, String id) {
            return new OpenItem(false, index, id, -1, null, null);
        }

        static OpenItem function(int index, String id, int toolIndex, String callId, String name) {
            return new OpenItem(true, index, id, toolIndex, callId, name);
        }
    }
}
