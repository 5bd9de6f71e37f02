package dev.camelgateway.api.responses;

import java.util.regex.Pattern;

/**
 * What a client-sent id of a stored response or item must look like before it reaches a query (OpenAI's own rule:
 * letters, digits, underscores, dashes; at most 128 characters, the column's width). Anything else — a NUL, which
 * PostgreSQL refuses in text — is answered as an unknown id, without a query.
 */
final class ResponseIds {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1," + ResponsesRequestValidator.MAX_RESPONSE_ID + "}");

    private ResponseIds() {
    }

    static boolean wellFormed(String id) {
        return id != null && ID.matcher(id).matches();
    }
}
