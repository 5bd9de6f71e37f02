package dev.camelgateway.api;

import java.util.Locale;

/**
 * The request's {@code Content-Type}: JSON, in UTF-8. A body without one is refused too: a browser sends a
 * cross-site {@code fetch} with a Blob body and no type without a CORS preflight, so accepting it would let any web
 * page spend the gateway's provider keys.
 */
final class JsonContentType {
    private JsonContentType() {
    }

    /** {@code application/json} or any {@code +json} type, else 415. */
    static void requireJson(String contentType) {
        String type = contentType == null ? "" : mediaType(contentType);
        if (type.equals("application/json") || type.endsWith("+json")) {
            return;
        }
        String what = contentType == null ? "No Content-Type" : "Unsupported Content-Type '" + Bounded.of(contentType) + "'";
        throw unsupportedMediaType(what + ": send the request body as JSON with 'Content-Type: application/json'.");
    }

    /** JSON has one encoding (RFC 8259 §8.1): a {@code charset} parameter may only say so. */
    static void requireUtf8Charset(String contentType) {
        for (String parameter : contentType.split(";")) {
            int equals = parameter.indexOf('=');
            if (equals < 0 || !parameter.substring(0, equals).trim().equalsIgnoreCase("charset")) {
                continue;
            }
            String charset = parameter.substring(equals + 1).trim().replace("\"", "");
            if (!charset.equalsIgnoreCase("utf-8") && !charset.equalsIgnoreCase("utf8")) {
                throw GatewayException.badRequest("Unsupported charset '" + Bounded.of(charset) + "': a JSON body must be "
                        + "UTF-8 (RFC 8259).", null, "invalid_json");
            }
        }
    }

    static GatewayException unsupportedMediaType(String message) {
        return new GatewayException(415, new OpenAiError(message, OpenAiError.INVALID_REQUEST, null, "unsupported_media_type"));
    }

    private static String mediaType(String contentType) {
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }
}
