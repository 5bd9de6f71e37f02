package dev.camelgateway.provider;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelgateway.api.GatewayException;

import java.util.Set;

/**
 * An OpenAI Chat Completions {@code file} content part with inline {@code file_data} (a base64 data URL), as the AI
 * SDK and openai-node send PDFs. The gateway has no files API, so {@code file_id} is refused; every refusal names the
 * field's whole path.
 */
public record FilePart(String mimeType, String base64, String filename) {

    /** {@code accepted}: the media types the provider reads from an inline file. */
    public static FilePart parse(JsonNode part, String partParam, String provider, Set<String> accepted) {
        JsonNode file = part.path("file");
        String param = partParam + ".file";
        if (!file.isObject()) {
            throw GatewayException.badRequest("'" + param + "' must be an object with file_data.", param, "invalid_value");
        }
        if (file.hasNonNull("file_id")) {
            throw GatewayException.badRequest("'" + param + ".file_id' is not supported: the gateway has no files API. "
                    + "Send the file inline as file_data (a base64 data URL).", param + ".file_id", "unsupported_parameter");
        }
        JsonNode data = file.get("file_data");
        String dataParam = param + ".file_data";
        if (data == null || !data.isTextual() || !DataUrl.isDataUrl(data.asText())) {
            throw GatewayException.badRequest("'" + dataParam + "' is required: a data URL "
                    + "data:<media type>;base64,<data>.", dataParam, "invalid_value");
        }
        DataUrl url = DataUrl.parse(data.asText(), dataParam);
        if (!accepted.contains(url.mimeType())) {
            String shown = url.mimeType().length() > 100 ? url.mimeType().substring(0, 100) + "…" : url.mimeType();
            throw GatewayException.badRequest("Media type '" + shown + "' in '" + dataParam
                    + "' is not supported by provider '" + provider + "'; it takes " + String.join(", ", accepted.stream().sorted().toList())
                    + ".", dataParam, "unsupported_value");
        }
        JsonNode filename = file.get("filename");
        return new FilePart(url.mimeType(), url.base64(), filename != null && filename.isTextual() ? filename.asText() : null);
    }
}
