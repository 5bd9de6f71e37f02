package dev.camelgateway.keys;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.camelgateway.api.GatewayException;
import dev.camelgateway.api.GuardedBodyRequest;
import dev.camelgateway.api.JsonResponse;
import dev.camelgateway.api.OpenAiError;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.camel.Exchange;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** What the /admin beans read of a request and how they answer: JSON in KeyJson's style, errors as OpenAI's. */
final class AdminAnswers {
    /** A list, in OpenAI's shape: {@code {"object":"list","data":[…]}}. */
    record ListOf<T>(String object, List<T> data) {
        ListOf(List<T> data) {
            this("list", data);
        }
    }

    private AdminAnswers() {
    }

    static void json(Exchange exchange, int status, Object body) {
        json(exchange, status, Map.of(), body);
    }

    static void json(Exchange exchange, int status, Map<String, String> headers, Object body) {
        try {
            JsonResponse.set(exchange.getMessage(), status, headers, KeyJson.MAPPER.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void noContent(Exchange exchange) {
        JsonResponse.set(exchange.getMessage(), 204, Map.of(), null);
        exchange.getMessage().removeHeader(Exchange.CONTENT_TYPE);
    }

    static String pathParameter(Exchange exchange, String name) {
        return exchange.getMessage().getHeader(name, String.class);
    }

    /** The body as JsonBodyGuard read and bounded it (ApiPaths lists the /admin paths that take one). */
    static byte[] body(Exchange exchange) {
        return GuardedBodyRequest.bodyOf(exchange.getMessage().getHeader(Exchange.HTTP_SERVLET_REQUEST,
                HttpServletRequest.class));
    }

    static GatewayException notFound(String message, String param) {
        return new GatewayException(404, new OpenAiError(message, OpenAiError.INVALID_REQUEST, param, "not_found"));
    }

    static GatewayException conflict(String message, String code) {
        return new GatewayException(409, new OpenAiError(message, OpenAiError.INVALID_REQUEST, null, code));
    }
}
