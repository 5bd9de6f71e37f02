package dev.camelgateway.management;

import dev.camelgateway.api.Json;
import dev.camelgateway.api.OpenAiError;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** A refused management or admin request: 401 (with a Basic challenge) or 403, in OpenAI's error envelope. */
final class AuthErrors implements AuthenticationEntryPoint, AccessDeniedHandler {
    static final String REALM = "camel-llm-gateway";

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\"");
        write(response, 401, "Operator credentials are required here (HTTP Basic, or log in at /login on the management port).",
                "authentication_required");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e) throws IOException {
        write(response, 403, "This login may not use this endpoint.", "permission_denied");
    }

    private static void write(HttpServletResponse response, int status, String message, String code) throws IOException {
        byte[] body = Json.bytes(new OpenAiError(message, OpenAiError.INVALID_REQUEST, null, code).toEnvelope());
        response.setStatus(status);
        response.setContentType("application/json");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
