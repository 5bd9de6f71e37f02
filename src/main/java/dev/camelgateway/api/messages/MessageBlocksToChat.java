package dev.camelgateway.api.messages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelgateway.api.Bounded;
import dev.camelgateway.api.Json;

/**
 * Anthropic messages → Chat Completions messages. A user turn's {@code tool_result} blocks become {@code tool}
 * messages (first: Chat Completions wants them right after the assistant's tool calls, as Anthropic wants them first),
 * its other blocks one user message: text, image (base64 → data URL, url as it is), document (a base64 PDF → a
 * {@code file} part with its data URL, a text source → text). An assistant turn's text is its content, its
 * {@code tool_use} blocks its {@code tool_calls} (input → JSON arguments); thinking blocks are not translated. A
 * tool_result's content is text (an {@code is_error} result says so first); anything else is a 400 naming the block.
 */
final class MessageBlocksToChat {
    private static final String PDF = "application/pdf";

    private MessageBlocksToChat() {
    }

    static void addMessages(ArrayNode in, ArrayNode out) {
        for (int i = 0; i < in.size(); i++) {
            JsonNode message = in.get(i);
            String prefix = "messages[" + i + "].content";
            if ("assistant".equals(message.path("role").asText())) {
                addAssistant(message.get("content"), prefix, out);
            } else {
                addUser(message.get("content"), prefix, out);
            }
        }
    }

    private static void addUser(JsonNode content, String prefix, ArrayNode out) {
        if (content.isTextual()) {
            out.addObject().put("role", "user").put("content", content.asText());
            return;
        }
        ArrayNode parts = Json.MAPPER.createArrayNode();
        for (int j = 0; j < content.size(); j++) {
            JsonNode block = content.get(j);
            String param = prefix + "[" + j + "]";
            switch (block.path("type").asText()) {
                case "text" -> parts.addObject().put("type", "text").put("text", block.path("text").asText());
                case "image" -> parts.add(toImagePart(block.path("source"), param));
                case "document" -> parts.add(toDocumentPart(block, param));
                case "tool_result" -> out.add(toToolMessage(block, param));
                default -> throw Untranslatable.blockType(block.path("type").asText(), param);
            }
        }
        if (!parts.isEmpty()) {
            ObjectNode user = out.addObject().put("role", "user");
            user.set("content", parts);
        }
    }

    private static void addAssistant(JsonNode content, String prefix, ArrayNode out) {
        if (content.isTextual()) {
            out.addObject().put("role", "assistant").put("content", content.asText());
            return;
        }
        StringBuilder text = new StringBuilder();
        ArrayNode calls = Json.MAPPER.createArrayNode();
        for (int j = 0; j < content.size(); j++) {
            JsonNode block = content.get(j);
            switch (block.path("type").asText()) {
                case "text" -> text.append(block.path("text").asText());
                case "tool_use" -> {
                    ObjectNode call = calls.addObject().put("id", block.path("id").asText()).put("type", "function");
                    call.putObject("function").put("name", block.path("name").asText())
                            .put("arguments", Json.write(block.get("input")));
                }
                case "thinking", "redacted_thinking" -> {
                    // the model's earlier thinking: extended thinking is served by Anthropic deployments only
                }
                default -> throw Untranslatable.blockType(block.path("type").asText(), prefix + "[" + j + "]");
            }
        }
        if (text.length() == 0 && calls.isEmpty()) {
            return; // nothing Chat Completions can carry (thinking only)
        }
        ObjectNode assistant = out.addObject().put("role", "assistant");
        if (text.length() > 0) {
            assistant.put("content", text.toString());
        } else {
            assistant.putNull("content");
        }
        if (!calls.isEmpty()) {
            assistant.set("tool_calls", calls);
        }
    }

    private static ObjectNode toImagePart(JsonNode source, String param) {
        String url = switch (source.path("type").asText()) {
            case "base64" -> dataUrl(source);
            case "url" -> source.path("url").asText();
            default -> throw Untranslatable.content("An image from a '" + Bounded.of(source.path("type").asText()) + "' source", param);
        };
        ObjectNode part = Json.object().put("type", "image_url");
        part.putObject("image_url").put("url", url);
        return part;
    }

    private static ObjectNode toDocumentPart(JsonNode block, String param) {
        JsonNode source = block.path("source");
        String type = source.path("type").asText();
        if ("base64".equals(type) && PDF.equals(source.path("media_type").asText())) {
            ObjectNode part = Json.object().put("type", "file");
            part.putObject("file").put("filename", block.path("title").asText("document.pdf"))
                    .put("file_data", dataUrl(source));
            return part;
        }
        if ("text".equals(type)) {
            return Json.object().put("type", "text").put("text", source.path("data").asText());
        }
        if ("content".equals(type)) {
            return Json.object().put("type", "text").put("text", text(source.get("content"), param + ".source.content"));
        }
        throw Untranslatable.content("A document from a '" + Bounded.of(type) + "' source"
                + ("base64".equals(type) ? " of type '" + Bounded.of(source.path("media_type").asText()) + "'" : ""), param);
    }

    private static ObjectNode toToolMessage(JsonNode block, String param) {
        JsonNode content = block.get("content");
        String text = content == null || content.isNull() ? "" : text(content, param + ".content");
        if (block.path("is_error").asBoolean(false)) {
            text = "Error: " + text; // Chat Completions has no error flag on a tool result: the model reads it
        }
        return Json.object().put("role", "tool").put("tool_call_id", block.path("tool_use_id").asText())
                .put("content", text);
    }

    /** A string, or text blocks joined by line breaks; any other block has no place in a text. */
    private static String text(JsonNode content, String param) {
        if (content.isTextual()) {
            return content.asText();
        }
        StringBuilder text = new StringBuilder();
        for (int k = 0; k < content.size(); k++) {
            JsonNode block = content.get(k);
            if (!"text".equals(block.path("type").asText())) {
                throw Untranslatable.content("A block of type '" + Bounded.of(block.path("type").asText()) + "' in a text-only content",
                        param + "[" + k + "]");
            }
            if (text.length() > 0) {
                text.append('\n');
            }
            text.append(block.path("text").asText());
        }
        return text.toString();
    }

    private static String dataUrl(JsonNode source) {
        return "data:" + source.path("media_type").asText() + ";base64," + source.path("data").asText();
    }
}
