package dev.camelgateway.management;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.net.URI;

/**
 * Refuses every management request sent by a page of another origin (403): a web page a developer opens must not
 * drive Jolokia or Hawtio on {@code localhost} with the developer's session. Browsers send {@code Origin} on every
 * cross-origin request and on same-origin POSTs; tools such as curl send none and are let through to the login.
 */
final class SameOriginFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String origin = request.getHeader("Origin");
        if (origin != null && !sameOrigin(origin, request)) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN, "Cross-origin requests are not allowed here.");
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean sameOrigin(String origin, HttpServletRequest request) {
        try {
            URI uri = URI.create(origin);
            int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
            String host = request.getServerName();
            return request.getScheme().equals(uri.getScheme()) && host != null && host.equalsIgnoreCase(uri.getHost())
                    && port == request.getServerPort();
        } catch (IllegalArgumentException e) {
            return false; // "null" (a sandboxed frame, a file: page) or garbage
        }
    }
}
