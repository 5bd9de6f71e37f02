package dev.camelgateway.provider.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelgateway.api.Json;
import dev.camelgateway.usage.Usage;

/** Builders for the OpenAI objects that translating mappers produce: completions, chunks, usage chunks. */
public final class OpenAiShapes {
    private OpenAiShapes() {
    }

    /** {@code chat.completion} without choices; add them to {@code choices}. */
    public static ObjectNode completion(String id, long created, String model) {
        ObjectNode completion = Json.object().put("id", id).put("object", "chat.completion").put("created", created)
                .put("model", model);
        completion.putArray("choices");
        return completion;
    }

    /** One choice of a completion: {@code message} (role assistant, refusal null), logprobs null. */
    public static ObjectNode addChoice(ObjectNode completion, int index, ObjectNode message, String finishReason) {
        ObjectNode choice = completion.withArray("choices").addObject();
        choice.put("index", index);
        message.put("refusal", (String) null);
        choice.set("message", message);
        choice.putNull("logprobs");
        choice.put("finish_reason", finishReason);
        return choice;
    }

    public static ObjectNode chunk(ChunkHeader header, int index, ObjectNode delta, String finishReason) {
        ObjectNode chunk = header(header);
        ObjectNode choice = chunk.putArray("choices").addObject();
        choice.put("index", index);
        choice.set("delta", delta);
        choice.putNull("logprobs");
        choice.put("finish_reason", finishReason);
        return chunk;
    }

    /** The separate final chunk of {@code stream_options.include_usage}: no choices, the whole request's usage. */
    public static ObjectNode usageChunk(ChunkHeader header, Usage usage) {
        ObjectNode chunk = header(header);
        chunk.putArray("choices");
        chunk.set("usage", OpenAiUsage.toJson(usage));
        return chunk;
    }

    /** A tool-call fragment of a delta: id, type and name on the first fragment of a call, arguments on all. */
    public static ObjectNode toolCallDelta(int index, String id, String name, String arguments) {
        ObjectNode call = Json.object().put("index", index);
        if (id != null) {
            call.put("id", id).put("type", "function");
        }
        ObjectNode function = call.putObject("function");
        if (name != null) {
            function.put("name", name);
        }
        function.put("arguments", arguments);
        ObjectNode delta = Json.object();
        delta.putArray("tool_calls").add(call);
        return delta;
    }

    /** The model output in an OpenAI chunk or delta: content and tool-call argument fragments of every choice. */
    public static String outputText(JsonNode chunk) {
        StringBuilder text = new StringBuilder();
        for (JsonNode choice : chunk.path("choices")) {
            appendDelta(choice.path("delta"), text);
        }
        return text.toString();
    }

    /** The model output of a whole completion: every choice's message content and tool-call arguments. */
    public static String completionText(JsonNode completion) {
        StringBuilder text = new StringBuilder();
        for (JsonNode choice : completion.path("choices")) {
            appendDelta(choice.path("message"), text);
        }
        return text.toString();
    }

    /** Appends a delta's (or a message's) content and tool-call arguments. */
    public static void appendDelta(JsonNode delta, StringBuilder text) {
        if (delta.path("content").isTextual()) {
            text.append(delta.get("content").asText());
        }
        for (JsonNode call : delta.path("tool_calls")) {
            text.append(call.path("function").path("arguments").asText(""));
        }
    }

    private static ObjectNode header(ChunkHeader header) {
        return Json.object().put("id", header.id()).put("object", "chat.completion.chunk").put("created", header.created())
                .put("model", header.model());
    }

    /** What every chunk of one stream repeats. */
    public record ChunkHeader(String id, long created, String model) {
    }
}
