package dev.camelgateway.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * Writes a {@link GatewayException} straight to the servlet response, for refusals made outside the Camel routes
 * (the body guard, the error page, Tomcat's own errors, the concurrency limits, the login checks): the same envelope
 * and headers as {@link ErrorResponder}. Their texts are the gateway's own, never an upstream's, so unlike
 * {@link ErrorEnvelope} they need no key redaction.
 */
public final class ServletErrors {
    private ServletErrors() {
    }

    /** A refusal of a request no route has seen yet: a request id of its own, and the client's echoed. */
    public static void refuse(HttpServletRequest request, HttpServletResponse response, GatewayException error)
            throws IOException {
        write(response, new RequestContext(request.getHeader("x-request-id"), response), error);
    }

    public static void write(HttpServletResponse response, RequestContext context, GatewayException error) throws IOException {
        ClientErrorLog.refused(context.logName(), error);
        byte[] body = Json.bytes(error.error().toEnvelope());
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
