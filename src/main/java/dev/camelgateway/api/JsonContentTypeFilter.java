package dev.camelgateway.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Refuses a chat request whose body is not declared as JSON with 415 and OpenAI's error envelope. It must run
 * before Camel: platform-http's binding parses form-encoded bodies itself and fails with a bare 500 on a JSON body
 * sent as {@code application/x-www-form-urlencoded} (curl's default for {@code -d}). A request without a
 * Content-Type is let through and tried as JSON, as OpenAI does.
 */
@Component
public class JsonContentTypeFilter extends OncePerRequestFilter {
    private final ErrorEnvelope envelope;

    public JsonContentTypeFilter(ErrorEnvelope envelope) {
        this.envelope = envelope;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().endsWith("/chat/completions") || request.getContentType() == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType().split(";", 2)[0].trim().toLowerCase();
        if (type.equals("application/json") || type.endsWith("+json")) {
            chain.doFilter(request, response);
            return;
        }
        RequestContext context = new RequestContext(request.getHeader("x-request-id"), response);
        OpenAiError error = new OpenAiError("Unsupported Content-Type '" + request.getContentType()
                + "': send the request body as JSON with 'Content-Type: application/json'.",
                OpenAiError.INVALID_REQUEST, null, "unsupported_media_type");
        response.setStatus(415);
        response.setContentType("application/json");
        ResponseHeaders.of(context).forEach(response::setHeader);
        response.getOutputStream().write(envelope.toJson(error).getBytes(StandardCharsets.UTF_8));
    }
}
