package dev.camelgateway.api;

import dev.camelgateway.secrets.SecretRedactor;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one place an error becomes what a client reads: the envelope's JSON, whether it goes out as an HTTP body or as
 * a stream's error event, and the error's own headers. Every field passes the secret redactor first: an upstream's
 * message, param, code or type may echo the gateway's key, whole or in part, and so may any text quoting it.
 */
@Component
public class ErrorEnvelope {
    private final SecretRedactor redactor;

    public ErrorEnvelope(SecretRedactor redactor) {
        this.redactor = redactor;
    }

    /** {@code {"error":{"message","type","param","code"}}}. */
    public String toJson(OpenAiError error) {
        return Json.write(new OpenAiError(redactor.redact(error.message()), redactor.redact(error.type()),
                redactor.redact(error.param()), redactor.redact(error.code())).toEnvelope());
    }

    /** An upstream's own error body, passed on as it came: its keys masked. */
    public String redact(String upstreamBody) {
        return redactor.redact(upstreamBody);
    }

    /** The headers an error adds (e.g. an upstream's Retry-After, copied as it came). */
    public Map<String, String> headers(GatewayException error) {
        Map<String, String> headers = new LinkedHashMap<>();
        error.headers().forEach((name, value) -> headers.put(name, redactor.redact(value)));
        return headers;
    }
}
