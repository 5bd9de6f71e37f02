package dev.camelgateway.server;

import dev.camelgateway.api.ApiPaths;
import dev.camelgateway.api.GatewayException;
import dev.camelgateway.api.OpenAiError;
import dev.camelgateway.api.ServletErrors;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Admission by concurrency, before anything else reads a request. Past {@code gateway.limits.in-flight} API requests
 * a new one gets 503 with {@code Retry-After} at once: the limit sits below Tomcat's thread count so that some
 * threads are always free to say so (above it, requests would queue unseen). Past
 * {@code gateway.limits.in-flight-per-client} from one client address, that client's next gets 429: one client
 * cannot take every thread. Each request holds its slot until its answer (stream included) is complete.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5) // before JsonBodyGuard reads a body
public class ConcurrencyLimitFilter extends OncePerRequestFilter {
    private final int maxInFlight;
    private final int maxPerClient;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final ConcurrentHashMap<String, AtomicInteger> perClient = new ConcurrentHashMap<>();

    public ConcurrencyLimitFilter(LimitsProperties limits, Environment environment) {
        int threads = environment.getProperty("server.tomcat.threads.max", Integer.class, 200);
        this.maxInFlight = limits.getInFlight() > 0 ? limits.getInFlight() : Math.max(1, threads - Math.max(1, threads / 20));
        this.maxPerClient = limits.getInFlightPerClient();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !ApiPaths.servesClients(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (inFlight.incrementAndGet() > maxInFlight) {
            inFlight.decrementAndGet();
            refuse(request, response, 503, new OpenAiError("The gateway is at its limit of " + maxInFlight
                    + " requests in flight; retry shortly.", OpenAiError.SERVER_ERROR, null, "overloaded"));
            return;
        }
        String client = maxPerClient > 0 ? request.getRemoteAddr() : null;
        try {
            if (client != null && !admit(client)) {
                refuse(request, response, 429, new OpenAiError("Too many concurrent requests from this client (limit "
                        + maxPerClient + "); retry when one has finished.", "requests", null, "too_many_concurrent_requests"));
                return;
            }
            try {
                chain.doFilter(request, response);
            } finally {
                if (client != null) {
                    release(client);
                }
            }
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private boolean admit(String client) {
        AtomicInteger count = perClient.compute(client, (k, c) -> c == null ? new AtomicInteger(1) : inc(c));
        if (count.get() > maxPerClient) {
            release(client);
            return false;
        }
        return true;
    }

    private static AtomicInteger inc(AtomicInteger count) {
        count.incrementAndGet();
        return count;
    }

    /** The entry leaves the map with its last request, so the map holds at most one entry per request in flight. */
    private void release(String client) {
        perClient.computeIfPresent(client, (k, c) -> c.decrementAndGet() <= 0 ? null : c);
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, int status, OpenAiError error)
            throws IOException {
        ServletErrors.refuse(request, response,
                new GatewayException(status, error, Map.of("Retry-After", "1")));
    }
}
