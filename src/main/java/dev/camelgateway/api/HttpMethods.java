package dev.camelgateway.api;

import java.util.Map;

/** The one wrong-method answer: 405 in OpenAI's error envelope, with {@code Allow}. */
public final class HttpMethods {
    private HttpMethods() {
    }

    public static void require(String expected, String actual) {
        if (actual != null && !expected.equalsIgnoreCase(actual)) {
            throw notAllowed(actual, expected);
        }
    }

    /** {@code allowed}: the methods the endpoint takes, as the {@code Allow} header lists them ("GET, POST"). */
    public static GatewayException notAllowed(String actual, String allowed) {
        return new GatewayException(405, new OpenAiError("Method " + actual + " is not allowed on this endpoint; use "
                + allowed + ".", OpenAiError.INVALID_REQUEST, null, "method_not_allowed"), Map.of("Allow", allowed));
    }
}
