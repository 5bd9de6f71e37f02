package dev.camelgateway.api;

import dev.camelgateway.routing.GatewayProperties;
import dev.camelgateway.server.LimitsProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Duration;
import java.util.Collections;
import java.util.Locale;

/**
 * Guards request bodies before anything reads them: platform-http's binding reads a POST or PUT body whole into memory
 * before the route runs (decoding gzip on the way), whether the route wants it or not. For a POST to an endpoint that
 * takes JSON, or a PATCH of an /admin key or team ({@link ApiPaths}), in order, each refusal in OpenAI's envelope
 * with the gateway's headers:
 * <ol>
 *   <li>{@code Content-Type} JSON, else 415; no {@code Content-Encoding} but {@code identity}, else 415 (a gzip body
 *       would inflate past every limit); a {@code charset} parameter only UTF-8, else 400 (header checks first, so
 *       no body is read to refuse it);</li>
 *   <li>at most {@code gateway.max-request-size} bytes, else 413: a declared length before reading, a chunked body
 *       as soon as it crosses the limit;</li>
 *   <li>valid UTF-8, else 400 {@code invalid_json}.</li>
 * </ol>
 * What passes goes on as a {@link GuardedBodyRequest} over the bytes read. Any other method on those endpoints, and
 * every request to a route that takes no body, goes on with an empty body that is never read: the route's own method
 * check answers it (405). Runs ahead of Spring's own filters.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class JsonBodyGuard extends OncePerRequestFilter {
    private static final byte[] NO_BODY = new byte[0];
    private final long maxBytes;
    private final Duration bodyTimeout;

    public JsonBodyGuard(GatewayProperties properties, LimitsProperties limits) {
        this.maxBytes = properties.getMaxRequestSize().toBytes();
        this.bodyTimeout = limits.getBodyTimeout();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !ApiPaths.takesJsonBody(request) && !ApiPaths.takesNoBody(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!ApiPaths.readsJsonBody(request)) {
            chain.doFilter(new GuardedBodyRequest(request, NO_BODY), response);
            return;
        }
        byte[] body;
        try {
            body = guardedBody(request);
        } catch (GatewayException refused) {
            ServletErrors.refuse(request, response, refused);
            return;
        }
        chain.doFilter(new GuardedBodyRequest(request, body), response);
    }

    private byte[] guardedBody(HttpServletRequest request) throws IOException {
        String contentType = request.getContentType();
        JsonContentType.requireJson(contentType);
        requireIdentityEncoding(request);
        JsonContentType.requireUtf8Charset(contentType);
        byte[] body = BoundedBody.read(request.getInputStream(), request.getContentLengthLong(), maxBytes,
                System.nanoTime() + bodyTimeout.toNanos());
        Utf8Body.requireValid(body);
        return body;
    }

    /** The gateway does not decode bodies: a compressed body's size says nothing about what it inflates to. */
    private static void requireIdentityEncoding(HttpServletRequest request) {
        for (String header : Collections.list(request.getHeaders("Content-Encoding"))) {
            for (String coding : header.split(",")) {
                if (!coding.isBlank() && !coding.trim().toLowerCase(Locale.ROOT).equals("identity")) {
                    throw JsonContentType.unsupportedMediaType("Unsupported Content-Encoding '" + Bounded.of(coding.trim())
                            + "': send the request body uncompressed.");
                }
            }
        }
    }
}
