package dev.camelgateway.management;

import dev.camelgateway.api.GatewayException;
import dev.camelgateway.api.OpenAiError;
import dev.camelgateway.api.ServletErrors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import java.io.IOException;

/** A refused management or admin request: 401 (with a Basic challenge) or 403, in OpenAI's error envelope. */
final class AuthErrors implements AuthenticationEntryPoint, AccessDeniedHandler {
    static final String REALM = "camel-llm-gateway";
    private final String deniedMessage;

    AuthErrors() {
        this("This login may not use this endpoint.");
    }

    /** {@code deniedMessage}: what a 403 says (the admin API says which role would do). */
    AuthErrors(String deniedMessage) {
        this.deniedMessage = deniedMessage;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\"");
        write(request, response, 401, "Operator credentials are required here (HTTP Basic, or log in at /login on the management port).",
                "authentication_required");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e) throws IOException {
        write(request, response, 403, deniedMessage, "permission_denied");
    }

    private static void write(HttpServletRequest request, HttpServletResponse response, int status, String message,
                              String code) throws IOException {
        ServletErrors.refuse(request, response,
                new GatewayException(status, new OpenAiError(message, OpenAiError.INVALID_REQUEST, null, code)));
    }
}
