package dev.camelgateway.provider.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelgateway.api.GatewayException;
import dev.camelgateway.api.Json;
import dev.camelgateway.provider.DataUrl;
import dev.camelgateway.provider.FilePart;
import dev.camelgateway.provider.MessageText;
import dev.camelgateway.provider.ToolArguments;
import dev.camelgateway.provider.UnsupportedParameters;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * OpenAI messages → Gemini {@code systemInstruction} and {@code contents} (wire-formats §3.2, T15–T18). All system and
 * developer messages become system parts; roles are {@code user} and {@code model}; consecutive turns of one role are
 * merged (Gemini wants them to alternate), which also puts the results of parallel calls in one turn. A tool result
 * names its function, found through its {@code tool_call_id} in the earlier assistant message.
 */
final class GeminiContents {
    /** The document types Gemini reads inline (PDF with its pages' images; plain text as text). */
    private static final Set<String> FILE_TYPES = Set.of("application/pdf", "text/plain");
    private static final Map<String, String> IMAGE_TYPES = new TreeMap<>(Map.of("png", "image/png", "jpg", "image/jpeg",
            "jpeg", "image/jpeg", "webp", "image/webp", "gif", "image/gif", "heic", "image/heic", "heif", "image/heif",
            "pdf", "application/pdf"));

    private GeminiContents() {
    }

    static ObjectNode toSystemInstruction(ArrayNode messages) {
        ArrayNode parts = Json.MAPPER.createArrayNode();
        for (JsonNode message : messages) {
            String role = message.path("role").asText();
            String text = MessageText.of(message.get("content"));
            if (("system".equals(role) || "developer".equals(role)) && !text.isEmpty()) {
                parts.addObject().put("text", text);
            }
        }
        if (parts.isEmpty()) {
            return null;
        }
        ObjectNode instruction = Json.object();
        instruction.set("parts", parts);
        return instruction;
    }

    static ArrayNode toContents(ArrayNode messages, UnsupportedParameters policy) {
        Map<String, String> functionNames = new HashMap<>();
        ArrayNode contents = Json.MAPPER.createArrayNode();
        for (int i = 0; i < messages.size(); i++) {
            JsonNode message = messages.get(i);
            String param = "messages[" + i + "]";
            ArrayNode parts = Json.MAPPER.createArrayNode();
            String role = switch (message.path("role").asText()) {
                case "system", "developer" -> null;
                case "user" -> {
                    addUserParts(parts, message.get("content"), param, policy);
                    yield "user";
                }
                case "assistant" -> {
                    addModelParts(parts, message, param, functionNames);
                    yield "model";
                }
                case "tool" -> {
                    parts.add(toFunctionResponse(message, param, functionNames));
                    yield "user";
                }
                default -> {
                    policy.reject(param + ".role");
                    yield null;
                }
            };
            if (role == null || parts.isEmpty()) {
                continue;
            }
            JsonNode last = contents.isEmpty() ? null : contents.get(contents.size() - 1);
            if (last != null && role.equals(last.path("role").asText())) {
                ((ArrayNode) last.get("parts")).addAll(parts);
            } else {
                contents.addObject().put("role", role).set("parts", parts);
            }
        }
        if (contents.isEmpty()) {
            throw GatewayException.badRequest("Gemini needs at least one user or assistant message besides system messages.",
                    "messages", "invalid_value");
        }
        return contents;
    }

    private static void addUserParts(ArrayNode parts, JsonNode content, String param, UnsupportedParameters policy) {
        if (content == null || content.isNull() || content.isTextual()) {
            addText(parts, content == null ? "" : content.asText(""));
            return;
        }
        for (int j = 0; j < content.size(); j++) {
            JsonNode part = content.get(j);
            String partParam = param + ".content[" + j + "]";
            switch (part.path("type").asText()) {
                case "text" -> addText(parts, part.path("text").asText(""));
                case "image_url" -> parts.add(toImagePart(part.path("image_url").path("url").asText(null), partParam));
                case "file" -> parts.add(toFilePart(FilePart.parse(part, partParam, "gemini", FILE_TYPES)));
                default -> policy.reject(partParam + ".type=" + part.path("type").asText());
            }
        }
    }

    /** A file part inline; Gemini has no field for its filename. */
    private static ObjectNode toFilePart(FilePart file) {
        ObjectNode part = Json.object();
        part.putObject("inlineData").put("mimeType", file.mimeType()).put("data", file.base64());
        return part;
    }

    /** Data URLs inline; http(s) URLs as {@code fileData} with the media type their extension names. */
    private static ObjectNode toImagePart(String url, String param) {
        if (DataUrl.isDataUrl(url)) {
            DataUrl data = DataUrl.parse(url, param);
            ObjectNode part = Json.object();
            part.putObject("inlineData").put("mimeType", data.mimeType()).put("data", data.base64());
            return part;
        }
        String path = url == null ? "" : url.replaceFirst("[?#].*$", "");
        String extension = path.substring(path.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        if (url == null || !(url.startsWith("https://") || url.startsWith("http://") || url.startsWith("gs://"))
                || !IMAGE_TYPES.containsKey(extension)) {
            throw GatewayException.badRequest("Invalid image URL in '" + param + "': Gemini takes a data URL, or a URL "
                    + "whose file extension names the type (" + String.join(", ", IMAGE_TYPES.keySet()) + ").",
                    param, "invalid_value");
        }
        ObjectNode part = Json.object();
        part.putObject("fileData").put("mimeType", IMAGE_TYPES.get(extension)).put("fileUri", url);
        return part;
    }

    private static void addModelParts(ArrayNode parts, JsonNode message, String param, Map<String, String> functionNames) {
        addText(parts, MessageText.of(message.get("content")));
        JsonNode calls = message.path("tool_calls");
        for (int j = 0; j < calls.size(); j++) {
            JsonNode call = calls.get(j);
            String name = call.path("function").path("name").asText();
            String id = call.path("id").asText();
            functionNames.put(id, name);
            ObjectNode part = parts.addObject();
            ObjectNode functionCall = part.putObject("functionCall").put("name", name);
            functionCall.set("args", ToolArguments.toObject(call.path("function").path("arguments").asText(""),
                    param + ".tool_calls[" + j + "].function.arguments"));
            String signature = GeminiToolCallIds.toThoughtSignature(id);
            if (signature != null) {
                part.put("thoughtSignature", signature);
            }
        }
    }

    private static ObjectNode toFunctionResponse(JsonNode message, String param, Map<String, String> functionNames) {
        String callId = message.path("tool_call_id").asText();
        String name = functionNames.getOrDefault(callId, message.path("name").asText(null));
        if (name == null) {
            throw GatewayException.badRequest("Invalid '" + param + ".tool_call_id': no earlier assistant tool call has id '"
                    + callId + "', and Gemini needs the function's name.", param + ".tool_call_id", "invalid_value");
        }
        ObjectNode part = Json.object();
        ObjectNode response = part.putObject("functionResponse").put("name", name);
        response.putObject("response").put("content", MessageText.of(message.get("content")));
        return part;
    }

    private static void addText(ArrayNode parts, String text) {
        if (!text.isEmpty()) {
            parts.addObject().put("text", text);
        }
    }
}
