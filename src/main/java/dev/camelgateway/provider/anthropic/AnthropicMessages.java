package dev.camelgateway.provider.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelgateway.api.GatewayException;
import dev.camelgateway.api.Json;
import dev.camelgateway.provider.ConversationTurns;
import dev.camelgateway.provider.ConversationTurns.Turn;
import dev.camelgateway.provider.DataUrl;
import dev.camelgateway.provider.FilePart;
import dev.camelgateway.provider.MessageText;
import dev.camelgateway.provider.ToolArguments;
import dev.camelgateway.provider.UnsupportedParameters;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/**
 * OpenAI messages → Anthropic {@code system} and {@code messages} (wire-formats §2.2). Every system and developer
 * message becomes a {@code system} text block, in order. Tool results become {@code tool_result} blocks of a user
 * turn; consecutive turns of one role are merged, with tool results first, as Anthropic requires.
 */
final class AnthropicMessages {
    private static final Set<String> DOCUMENT_TYPES = Set.of("application/pdf", "text/plain");

    private AnthropicMessages() {
    }

    static ArrayNode toSystem(ArrayNode messages) {
        ArrayNode system = Json.MAPPER.createArrayNode();
        for (JsonNode message : messages) {
            String role = message.path("role").asText();
            if ("system".equals(role) || "developer".equals(role)) {
                String text = MessageText.of(message.get("content"));
                if (!text.isEmpty()) {
                    system.addObject().put("type", "text").put("text", text);
                }
            }
        }
        return system;
    }

    static ArrayNode toMessages(ArrayNode messages, UnsupportedParameters policy) {
        List<Turn> turns = ConversationTurns.toTurns(messages, new ConversationTurns.Blocks(
                (content, param) -> toUserBlocks(content, param, policy), AnthropicMessages::toAssistantBlocks, AnthropicMessages::toToolResult), policy);
        if (turns.isEmpty()) {
            throw GatewayException.badRequest("Anthropic needs at least one user or assistant message besides system messages.",
                    "messages", "invalid_value");
        }
        ArrayNode out = Json.MAPPER.createArrayNode();
        for (Turn turn : turns) {
            ObjectNode m = out.addObject().put("role", turn.role());
            ArrayNode content = m.putArray("content");
            turn.blocks().stream().filter(b -> "tool_result".equals(b.path("type").asText())).forEach(content::add);
            turn.blocks().stream().filter(b -> !"tool_result".equals(b.path("type").asText())).forEach(content::add);
        }
        return out;
    }

    private static List<ObjectNode> toUserBlocks(JsonNode content, String param, UnsupportedParameters policy) {
        List<ObjectNode> blocks = new ArrayList<>();
        if (content == null || content.isNull() || content.isTextual()) {
            addText(blocks, content == null ? "" : content.asText(""));
            return blocks;
        }
        for (int j = 0; j < content.size(); j++) {
            JsonNode part = content.get(j);
            String partParam = param + ".content[" + j + "]";
            switch (part.path("type").asText()) {
                case "text" -> {
                    if (addText(blocks, part.path("text").asText("")) && part.has("cache_control")) {
                        blocks.get(blocks.size() - 1).set("cache_control", part.get("cache_control"));
                    }
                }
                case "image_url" -> blocks.add(toImage(part.path("image_url").path("url").asText(null), partParam));
                case "file" -> blocks.add(toDocument(FilePart.parse(part, partParam, "anthropic", DOCUMENT_TYPES), partParam));
                default -> policy.reject(partParam + ".type=" + part.path("type").asText());
            }
        }
        return blocks;
    }

    /**
     * A file part as a {@code document} block: a PDF as a base64 source, plain text as a text source (Anthropic takes
     * the text itself, not base64). The filename becomes the document's {@code title}.
     */
    private static ObjectNode toDocument(FilePart file, String param) {
        ObjectNode block = Json.object().put("type", "document");
        ObjectNode source = block.putObject("source");
        if ("text/plain".equals(file.mimeType())) {
            source.put("type", "text").put("media_type", "text/plain").put("data", decodeText(file.base64(), param));
        } else {
            source.put("type", "base64").put("media_type", file.mimeType()).put("data", file.base64());
        }
        if (file.filename() != null && !file.filename().isBlank()) {
            block.put("title", file.filename());
        }
        return block;
    }

    private static String decodeText(String base64, String param) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Base64.getDecoder().decode(base64))).toString();
        } catch (IllegalArgumentException | CharacterCodingException e) {
            String dataParam = param + ".file.file_data";
            throw GatewayException.badRequest("'" + dataParam + "' must hold base64 of UTF-8 text for text/plain.",
                    dataParam, "invalid_value");
        }
    }

    /** Data URLs are sent inline (PDF as a document block); http(s) URLs as a URL source. */
    private static ObjectNode toImage(String url, String param) {
        ObjectNode block = Json.object();
        ObjectNode source = Json.object();
        if (DataUrl.isDataUrl(url)) {
            DataUrl data = DataUrl.parse(url, param);
            block.put("type", "application/pdf".equals(data.mimeType()) ? "document" : "image");
            source.put("type", "base64").put("media_type", data.mimeType()).put("data", data.base64());
        } else if (url != null && (url.startsWith("https://") || url.startsWith("http://"))) {
            block.put("type", "image");
            source.put("type", "url").put("url", url);
        } else {
            throw GatewayException.badRequest("Invalid image URL in '" + param + "': use a data URL or an http(s) URL.",
                    param, "invalid_value");
        }
        block.set("source", source);
        return block;
    }

    private static List<ObjectNode> toAssistantBlocks(JsonNode message, String param) {
        List<ObjectNode> blocks = new ArrayList<>(AnthropicThinkingBlocks.toAnthropic(message, param)); // thinking first
        addText(blocks, MessageText.of(message.get("content")));
        JsonNode calls = message.path("tool_calls");
        for (int j = 0; j < calls.size(); j++) {
            JsonNode call = calls.get(j);
            ObjectNode block = Json.object().put("type", "tool_use").put("id", call.path("id").asText())
                    .put("name", call.path("function").path("name").asText());
            block.set("input", ToolArguments.toObject(call.path("function").path("arguments").asText(""),
                    param + ".tool_calls[" + j + "].function.arguments"));
            blocks.add(block);
        }
        return blocks;
    }

    private static ObjectNode toToolResult(JsonNode message) {
        return Json.object().put("type", "tool_result").put("tool_use_id", message.path("tool_call_id").asText())
                .put("content", MessageText.of(message.get("content")));
    }

    /** Anthropic rejects empty text blocks; returns whether a block was added. */
    private static boolean addText(List<ObjectNode> blocks, String text) {
        if (text.isEmpty()) {
            return false;
        }
        blocks.add(Json.object().put("type", "text").put("text", text));
        return true;
    }
}
