package dev.camelgateway.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.camelgateway.api.messages.AnthropicErrors;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Writes a {@link GatewayException} straight to the servlet response, for refusals made outside the Camel routes
 * (the body guard, the error page, Tomcat's own errors, the concurrency limits, the login checks): the same envelope
 * and headers as {@link ErrorResponder} (Anthropic's envelope on Anthropic's paths, {@link ApiPaths#speaksAnthropic}). Their texts are the gateway's own, never an upstream's, so unlike
 * {@link ErrorEnvelope} they need no key redaction.
 */
public final class ServletErrors {
    private ServletErrors() {
    }

    /**
     * A refusal of a request no route has seen yet: a request id of its own, and the client's echoed; in the envelope
     * of the API its path belongs to.
     */
    public static void refuse(HttpServletRequest request, HttpServletResponse response, GatewayException error)
            throws IOException {
        write(response, new RequestContext(request.getHeader("x-request-id"), response), error,
                ApiPaths.speaksAnthropic(ApiPaths.path(request)));
    }

    public static void write(HttpServletResponse response, RequestContext context, GatewayException error) throws IOException {
        write(response, context, error, false);
    }

    /** @param anthropic Anthropic's error envelope (/v1/messages*), else OpenAI's */
    public static void write(HttpServletResponse response, RequestContext context, GatewayException error,
                             boolean anthropic) throws IOException {
        ClientErrorLog.refused(context.logName(), error);
        byte[] body = anthropic
                ? AnthropicErrors.toJson(error.status(), error.error().message(), context.requestId()).getBytes(StandardCharsets.UTF_8)
                : Json.bytes(error.error().toEnvelope());
        response.resetBuffer();
        response.setStatus(error.status());
        response.setContentType("application/json");
        response.setContentLength(body.length);
        ResponseHeaders.of(context).forEach(response::setHeader);
        error.headers().forEach(response::setHeader);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }
}
