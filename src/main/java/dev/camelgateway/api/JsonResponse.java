package dev.camelgateway.api;

import org.apache.camel.Exchange;
import org.apache.camel.Message;

import java.util.Map;

/** A whole JSON answer for platform-http to write: status, the gateway's headers, body. */
public final class JsonResponse {
    private JsonResponse() {
    }

    public static void set(Message message, int status, Map<String, String> headers, Object body) {
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        message.setHeader(Exchange.CONTENT_TYPE, "application/json");
        // with a Content-Length, in one write: chunked, the binding flushes the body and then writes the last chunk
        message.setHeader(Exchange.HTTP_CHUNKED, false);
        headers.forEach(message::setHeader);
        message.setBody(body);
    }
}
