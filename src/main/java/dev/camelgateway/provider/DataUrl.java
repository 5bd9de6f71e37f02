package dev.camelgateway.provider;

import dev.camelgateway.api.GatewayException;

/** A {@code data:<mime>;base64,<data>} URL as OpenAI clients send images and files inline. */
public record DataUrl(String mimeType, String base64) {

    public static boolean isDataUrl(String url) {
        return url != null && url.startsWith("data:");
    }

    public static DataUrl parse(String url, String param) {
        int comma = url.indexOf(',');
        String header = comma < 0 ? "" : url.substring("data:".length(), comma);
        if (comma < 0 || !header.endsWith(";base64") || header.length() == ";base64".length()) {
            throw GatewayException.badRequest("Invalid data URL in '" + param + "': expected data:<media type>;base64,<data>.",
                    param, "invalid_value");
        }
        return new DataUrl(header.substring(0, header.length() - ";base64".length()), url.substring(comma + 1));
    }
}
