package dev.camelgateway.provider.bedrock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelgateway.api.GatewayException;
import dev.camelgateway.api.Json;
import dev.camelgateway.provider.DataUrl;
import dev.camelgateway.provider.FilePart;

import java.util.Map;

/**
 * Images and files → Converse {@code image} and {@code document} blocks, their bytes inline (base64 in the JSON
 * body): https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_ImageBlock.html and
 * API_runtime_DocumentBlock.html. Converse takes no image URL (only bytes or S3), so an http(s) image is refused.
 */
final class BedrockMedia {
    /** Media type → ImageBlock {@code format}. */
    private static final Map<String, String> IMAGE_FORMATS = Map.of("image/png", "png", "image/jpeg", "jpeg",
            "image/gif", "gif", "image/webp", "webp");
    /** Media type → DocumentBlock {@code format} (pdf | csv | doc | docx | xls | xlsx | html | txt | md). */
    private static final Map<String, String> DOCUMENT_FORMATS = Map.of(
            "application/pdf", "pdf",
            "text/plain", "txt",
            "text/csv", "csv",
            "text/html", "html",
            "text/markdown", "md",
            "application/msword", "doc",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx",
            "application/vnd.ms-excel", "xls",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");
    private static final int MAX_NAME = 200;

    private BedrockMedia() {
    }

    /** An image data URL → an image block (a PDF data URL → a document block, as the Anthropic mapping does). */
    static ObjectNode toImage(String url, String param) {
        if (!DataUrl.isDataUrl(url)) {
            throw GatewayException.badRequest("Invalid image URL in '" + param + "': Bedrock takes images inline only; "
                    + "send the image as a data URL (data:image/png;base64,...).", param, "invalid_value");
        }
        DataUrl data = DataUrl.parse(url, param);
        if ("application/pdf".equals(data.mimeType())) {
            return document("pdf", toDocumentName(null), data.base64());
        }
        String format = IMAGE_FORMATS.get(data.mimeType());
        if (format == null) {
            throw GatewayException.badRequest("Image type in '" + param + "' is not supported by Bedrock; it takes "
                    + "image/png, image/jpeg, image/gif and image/webp.", param, "unsupported_value");
        }
        ObjectNode block = Json.object();
        block.putObject("image").put("format", format).putObject("source").put("bytes", data.base64());
        return block;
    }

    /** A {@code file} part → a document block named after the file's name ({@link #toDocumentName}). */
    static ObjectNode toDocument(JsonNode part, String param) {
        FilePart file = FilePart.parse(part, param, "bedrock", DOCUMENT_FORMATS.keySet());
        return document(DOCUMENT_FORMATS.get(file.mimeType()), toDocumentName(file.filename()), file.base64());
    }

    /**
     * A document name as Bedrock allows it: letters, digits, single spaces, hyphens, parentheses and square brackets,
     * 1–200 characters. Every other character (the extension's dot, '_', '/') becomes a space, runs of spaces one;
     * no name (or nothing left) → {@code document}.
     */
    static String toDocumentName(String filename) {
        if (filename == null) {
            return "document";
        }
        String name = filename.replaceAll("[^A-Za-z0-9\\-()\\[\\] ]", " ").replaceAll(" +", " ").strip();
        if (name.length() > MAX_NAME) {
            name = name.substring(0, MAX_NAME).strip();
        }
        return name.isEmpty() ? "document" : name;
    }

    private static ObjectNode document(String format, String name, String base64) {
        ObjectNode block = Json.object();
        block.putObject("document").put("format", format).put("name", name).putObject("source").put("bytes", base64);
        return block;
    }
}
