package dev.camelgateway.api.responses;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelgateway.api.Bounded;
import dev.camelgateway.api.GatewayException;
import dev.camelgateway.api.Json;

/**
 * Instructions, the stored conversation and {@code input} → Chat Completions {@code messages}. Messages keep their
 * role; their parts become Chat's ({@code input_text}/{@code output_text} → text, {@code input_image} → image_url,
 * {@code input_file} → file). A {@code function_call} joins the assistant message before it as a tool call (Chat puts
 * an assistant turn's text and calls in one message); a {@code function_call_output} is a tool message. Reasoning items
 * are dropped (they only mean something to the model that wrote them). Other item types have no translation: a 400
 * naming the item in {@code input}; in stored history (built-in tool runs of a passthrough deployment) they are skipped.
 */
final class ResponsesInputToMessages {
    private ResponsesInputToMessages() {
    }

    static ArrayNode toMessages(ObjectNode body, ArrayNode history) {
        ArrayNode messages = Json.MAPPER.createArrayNode();
        JsonNode instructions = body.get("instructions");
        if (instructions != null && instructions.isTextual()) {
            messages.addObject().put("role", "system").put("content", instructions.asText());
        }
        for (JsonNode item : history) {
            add(messages, item, null);
        }
        JsonNode input = body.get("input");
        if (input.isTextual()) {
            messages.addObject().put("role", "user").put("content", input.asText()); // Chat's own short form
            return messages;
        }
        for (int i = 0; i < input.size(); i++) {
            add(messages, input.get(i), "input[" + i + "]");
        }
        return messages;
    }

    /** @param param the item's name in the client's input, or null for a stored item */
    private static void add(ArrayNode messages, JsonNode item, String param) {
        String type = ResponsesItems.typeOf(item);
        switch (type == null ? "" : type) {
            case "message" -> messages.add(toMessage(item, param));
            case "function_call" -> toolCallsOf(messages).addObject().put("id", item.path("call_id").asText())
                    .put("type", "function").putObject("function").put("name", item.path("name").asText())
                    .put("arguments", item.path("arguments").asText());
            case "function_call_output" -> messages.addObject().put("role", "tool")
                    .put("tool_call_id", item.path("call_id").asText())
                    .set("content", toToolContent(item.get("output"), param));
            case "reasoning" -> {
                // the model's own thinking, readable only by the model (and provider) that wrote it
            }
            default -> {
                if (param != null) {
                    throw GatewayException.badRequest("Input items of type '" + Bounded.of(type) + "' (" + param + ") "
                            + "have no Chat Completions translation: only a deployment that serves the Responses API "
                            + "itself takes them.", param + ".type", "unsupported_parameter");
                }
            }
        }
    }

    private static ObjectNode toMessage(JsonNode item, String param) {
        String role = item.path("role").asText();
        ObjectNode message = Json.object().put("role", role);
        JsonNode content = item.get("content");
        if (content.isTextual()) {
            return message.put("content", content.asText());
        }
        if (!role.equals("user")) { // system, developer and assistant turns are text in Chat
            StringBuilder text = new StringBuilder();
            for (int j = 0; j < content.size(); j++) {
                text.append(textOf(content.get(j), at(param, ".content[" + j + "]")));
            }
            return message.put("content", text.toString());
        }
        ArrayNode parts = message.putArray("content");
        for (int j = 0; j < content.size(); j++) {
            parts.add(toPart(content.get(j), at(param, ".content[" + j + "]")));
        }
        return message;
    }

    private static ObjectNode toPart(JsonNode part, String param) {
        String type = part.path("type").asText();
        switch (type) {
            case "input_text", "output_text" -> {
                return Json.object().put("type", "text").put("text", part.path("text").asText());
            }
            case "input_image" -> {
                if (!part.hasNonNull("image_url")) {
                    throw untranslatablePart(param, "an input_image by file_id (uploaded files are OpenAI's)");
                }
                ObjectNode url = Json.object().put("url", part.get("image_url").asText());
                if (part.hasNonNull("detail")) {
                    url.set("detail", part.get("detail"));
                }
                ObjectNode image = Json.object().put("type", "image_url");
                image.set("image_url", url);
                return image;
            }
            case "input_file" -> {
                if (!part.hasNonNull("file_data")) {
                    throw untranslatablePart(param, "an input_file without file_data (uploaded files and file URLs are "
                            + "OpenAI's)");
                }
                ObjectNode file = Json.object().put("file_data", part.get("file_data").asText());
                if (part.hasNonNull("filename")) {
                    file.set("filename", part.get("filename"));
                }
                ObjectNode out = Json.object().put("type", "file");
                out.set("file", file);
                return out;
            }
            default -> throw untranslatablePart(param, "a content part of type '" + Bounded.of(type) + "'");
        }
    }

    /** A text-only turn's part: its text, or a 400 for anything else. */
    private static String textOf(JsonNode part, String param) {
        String type = part.path("type").asText();
        return switch (type) {
            case "input_text", "output_text" -> part.path("text").asText();
            case "refusal" -> part.path("refusal").asText();
            default -> throw untranslatablePart(param, "a content part of type '" + Bounded.of(type) + "' in a turn "
                    + "that is text in Chat Completions (system, developer, assistant)");
        };
    }

    private static JsonNode toToolContent(JsonNode output, String param) {
        if (output == null || output.isTextual()) {
            return output == null ? Json.MAPPER.getNodeFactory().textNode("") : output;
        }
        StringBuilder text = new StringBuilder();
        for (int j = 0; j < output.size(); j++) {
            text.append(textOf(output.get(j), at(param, ".output[" + j + "]")));
        }
        return Json.MAPPER.getNodeFactory().textNode(text.toString());
    }

    /** The tool calls of the assistant message that ends {@code messages}, made when the last message is not one. */
    private static ArrayNode toolCallsOf(ArrayNode messages) {
        JsonNode last = messages.isEmpty() ? null : messages.get(messages.size() - 1);
        ObjectNode assistant;
        if (last != null && "assistant".equals(last.path("role").asText())) {
            assistant = (ObjectNode) last;
        } else {
            assistant = messages.addObject().put("role", "assistant");
            assistant.putNull("content");
        }
        return assistant.has("tool_calls") ? (ArrayNode) assistant.get("tool_calls") : assistant.putArray("tool_calls");
    }

    private static String at(String param, String suffix) {
        return param == null ? null : param + suffix;
    }

    private static GatewayException untranslatablePart(String param, String what) {
        String where = param == null ? "previous_response_id" : param;
        return GatewayException.badRequest("The request holds " + what + " (" + where + "), which has no Chat "
                + "Completions translation.", where, "unsupported_parameter");
    }
}
