package dev.camelgateway.management;

import dev.camelgateway.api.GatewayException;
import dev.camelgateway.api.OpenAiError;
import dev.camelgateway.api.ServletErrors;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Map;

/** A login attempt (HTTP Basic credentials, or the login form) from an address the {@link LoginThrottle} holds back: 429. */
final class LoginThrottleFilter extends OncePerRequestFilter {
    private final LoginThrottle throttle;

    LoginThrottleFilter(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String authorization = request.getHeader("Authorization");
        boolean attempt = authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)
                || "POST".equals(request.getMethod()) && "/login".equals(request.getServletPath());
        long wait = attempt ? throttle.retryAfterSeconds(request.getRemoteAddr()) : 0;
        if (wait == 0) {
            chain.doFilter(request, response);
            return;
        }
        ServletErrors.refuse(request, response, new GatewayException(429, new OpenAiError(
                "Too many failed logins from this address; try again later.", OpenAiError.INVALID_REQUEST, null,
                "too_many_login_failures"), Map.of("Retry-After", Long.toString(wait))));
    }
}
