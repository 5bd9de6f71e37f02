package dev.camelgateway.api;

import jakarta.servlet.http.HttpServletRequest;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * The paths {@link JsonBodyGuard} guards, in one place. Platform-http reads every POST/PUT body whole into memory
 * before a route runs, even on routes that take none; the built-in demo upstream's Spring endpoint reads its body whole
 * too. Each inbound API's paths are listed here.
 * The /admin API takes JSON on POST to its collections and PATCH of an item, and no body anywhere else.
 */
public final class ApiPaths {
    /** Endpoints whose POST body is a JSON request. */
    private static final Set<String> JSON_BODY = Set.of("/v1/chat/completions", "/chat/completions",
            "/v1/messages", "/v1/messages/count_tokens", "/v1/responses", "/v1/embeddings",
            "/demo/v1/chat/completions", "/admin/keys", "/admin/teams");
    /** An /admin key or team, whose PATCH body is a JSON merge patch. */
    private static final Pattern ADMIN_ITEM = Pattern.compile("/admin/(keys|teams)/[^/]+");
    /** What clients call (the demo upstream's endpoint is the gateway calling itself). */
    private static final Set<String> CLIENT_API = Set.of("/v1/chat/completions", "/chat/completions", "/v1/models",
            "/v1/messages", "/v1/messages/count_tokens", "/v1/responses", "/v1/embeddings");
    private static final String MODEL_PREFIX = "/v1/models/";
    /** Anthropic's Messages API: its errors come in Anthropic's envelope, wherever they are made. */
    private static final String MESSAGES = "/v1/messages";
    /** A stored response: GET and DELETE {@code /v1/responses/{id}}, GET {@code /v1/responses/{id}/input_items}. */
    private static final String RESPONSE_PREFIX = "/v1/responses/";
    /** Routes that take no body, exactly or as a prefix (a path parameter follows). */
    private static final Set<String> NO_BODY = Set.of("/v1/models");
    /** Everything under /admin/ but the JSON bodies above: a route added there later takes none until listed. */
    private static final Set<String> NO_BODY_PREFIXES = Set.of(MODEL_PREFIX, RESPONSE_PREFIX, "/admin/");

    private ApiPaths() {
    }

    static boolean takesJsonBody(HttpServletRequest request) {
        String path = path(request);
        return JSON_BODY.contains(path) || ADMIN_ITEM.matcher(path).matches();
    }

    /** This request's body is read (and guarded): a POST to a JSON endpoint, a PATCH of an /admin key or team. */
    static boolean readsJsonBody(HttpServletRequest request) {
        return switch (request.getMethod()) {
            case "POST" -> JSON_BODY.contains(path(request));
            case "PATCH" -> ADMIN_ITEM.matcher(path(request)).matches();
            default -> false;
        };
    }

    /** A request of the client-facing API, which the concurrency limits count. */
    public static boolean servesClients(HttpServletRequest request) {
        String path = path(request);
        return CLIENT_API.contains(path) || path.startsWith(MODEL_PREFIX) || path.startsWith(RESPONSE_PREFIX);
    }

    /** A path of Anthropic's Messages API ({@code /v1/messages}, {@code /v1/messages/count_tokens}, anything below). */
    public static boolean speaksAnthropic(String path) {
        return path != null && (path.equals(MESSAGES) || path.startsWith(MESSAGES + "/"));
    }

    static boolean takesNoBody(HttpServletRequest request) {
        String path = path(request);
        return NO_BODY.contains(path) || NO_BODY_PREFIXES.stream().anyMatch(path::startsWith);
    }

    /**
     * The path as Spring MVC matches it: decoded, normalised and without {@code ;parameters} (Tomcat's servlet path),
     * so that {@code /v1/chat/completions;x} or {@code //v1/chat/completions} cannot reach a route unguarded.
     */
    static String path(HttpServletRequest request) {
        String pathInfo = request.getPathInfo();
        return pathInfo == null ? request.getServletPath() : request.getServletPath() + pathInfo;
    }
}
