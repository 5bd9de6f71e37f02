package dev.camelgateway.routing;

import java.nio.charset.StandardCharsets;

/** A model id in a request path: {@code /v1/models/openai/gpt-4o-mini} and {@code /v1/models/openai%2Fgpt-4o-mini} alike. */
final class ModelIds {
    private ModelIds() {
    }

    /** The id after {@code prefix} in the raw request URI, percent-decoded ({@code +} is a plus, as in paths); null if none. */
    static String fromPath(String rawUri, String prefix) {
        if (rawUri == null || !rawUri.startsWith(prefix) || rawUri.length() == prefix.length()) {
            return null;
        }
        try {
            return java.net.URLDecoder.decode(rawUri.substring(prefix.length()).replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) { // a broken %-escape names no model
            return null;
        }
    }

}
