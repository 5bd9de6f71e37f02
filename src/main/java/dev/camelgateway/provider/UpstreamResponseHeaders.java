package dev.camelgateway.provider;

import dev.camelgateway.api.Bounded;
import org.apache.camel.http.base.HttpOperationFailedException;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What of an upstream answer's headers the client and the ledger get: the rate-limit state under OpenAI's
 * {@code x-ratelimit-*} names and the provider's request id. Nothing else of the upstream's headers passes, and what
 * passes is bounded here, where it enters: names of one shape, printable values of capped length, a capped count.
 * <p>
 * Anthropic's {@code anthropic-ratelimit-{requests,tokens}-{limit,remaining,reset}} mean what OpenAI's
 * {@code x-ratelimit-{limit,remaining,reset}-{requests,tokens}} mean, except that its reset is an instant
 * (RFC 3339) and OpenAI's a duration ("6s", "1m30s"): it is told as the time left. Its input-/output-token limits have
 * no OpenAI name and stay behind.
 */
public final class UpstreamResponseHeaders {
    /** The client header that names the provider's request id. */
    public static final String UPSTREAM_REQUEST_ID = "x-upstream-request-id";
    /** {@code usage_ledger.upstream_request_id} is VARCHAR(128). */
    public static final int MAX_REQUEST_ID = 128;
    static final int MAX_VALUE = 128;
    static final int MAX_RATE_LIMIT_HEADERS = 16;
    public static final UpstreamResponseHeaders NONE = new UpstreamResponseHeaders(Map.of(), null);

    /** Where providers put their request id, in the order asked: OpenAI/Mistral/Ollama, Anthropic, Mistral's own. */
    private static final String[] REQUEST_ID_HEADERS = {"x-request-id", "request-id", "mistral-correlation-id"};
    private static final String OPENAI_PREFIX = "x-ratelimit-";
    private static final String ANTHROPIC_PREFIX = "anthropic-ratelimit-";
    private static final Pattern NAME = Pattern.compile("[a-z0-9_-]{1,64}");
    private static final Pattern ANTHROPIC = Pattern.compile("anthropic-ratelimit-(requests|tokens)-(limit|remaining|reset)");

    private final Map<String, String> rateLimits;
    private final String requestId;

    private UpstreamResponseHeaders(Map<String, String> rateLimits, String requestId) {
        this.rateLimits = rateLimits;
        this.requestId = requestId;
    }

    /** From the headers camel-http copied onto the message after the call (names in any case, values String or List). */
    public static UpstreamResponseHeaders of(Map<String, ?> headers, Instant now) {
        if (headers == null || headers.isEmpty()) {
            return NONE;
        }
        Map<String, String> lower = new LinkedHashMap<>();
        headers.forEach((name, value) -> {
            String text = firstValue(value);
            if (name != null && text != null) {
                lower.putIfAbsent(name.toLowerCase(Locale.ROOT), text);
            }
        });
        Map<String, String> limits = new LinkedHashMap<>();
        lower.forEach((name, value) -> {
            if (limits.size() >= MAX_RATE_LIMIT_HEADERS) {
                return;
            }
            if (name.startsWith(OPENAI_PREFIX) && NAME.matcher(name).matches()) {
                putBounded(limits, name, value);
            } else if (name.startsWith(ANTHROPIC_PREFIX)) {
                var m = ANTHROPIC.matcher(name);
                if (m.matches()) {
                    String openAiValue = m.group(2).equals("reset") ? timeLeft(value, now) : value;
                    if (openAiValue != null) {
                        putBounded(limits, OPENAI_PREFIX + m.group(2) + "-" + m.group(1), openAiValue);
                    }
                }
            }
        });
        String id = null;
        for (String name : REQUEST_ID_HEADERS) {
            id = Bounded.printable(lower.get(name), MAX_REQUEST_ID);
            if (id != null) {
                break;
            }
        }
        return limits.isEmpty() && id == null ? NONE : new UpstreamResponseHeaders(Collections.unmodifiableMap(limits), id);
    }

    /** From a failed call: an upstream error answer keeps its headers in the exception; any other failure has none. */
    public static UpstreamResponseHeaders of(Throwable failure, Instant now) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof HttpOperationFailedException upstream) {
                return of(upstream.getResponseHeaders(), now);
            }
        }
        return NONE;
    }

    /** The rate-limit headers under OpenAI's names (lower case), in the upstream's order. */
    public Map<String, String> rateLimits() {
        return rateLimits;
    }

    /** The provider's id of this answer, printable and at most {@value #MAX_REQUEST_ID} characters, or null. */
    public String requestId() {
        return requestId;
    }

    /** The headers the client gets: the rate limits and {@value #UPSTREAM_REQUEST_ID}. */
    public Map<String, String> clientHeaders() {
        if (requestId == null) {
            return rateLimits;
        }
        Map<String, String> headers = new LinkedHashMap<>(rateLimits);
        headers.put(UPSTREAM_REQUEST_ID, requestId);
        return headers;
    }

    private static void putBounded(Map<String, String> limits, String name, String value) {
        String text = Bounded.printable(value, MAX_VALUE);
        if (text != null) {
            limits.putIfAbsent(name, text);
        }
    }

    private static String firstValue(Object value) {
        if (value instanceof Iterable<?> values) {
            var it = values.iterator();
            Object first = it.hasNext() ? it.next() : null;
            return first == null ? null : first.toString();
        }
        return value == null ? null : value.toString();
    }

    /** An RFC 3339 instant as the time left until it, in OpenAI's form ("250ms", "12s", "1m30s"); null if unreadable. */
    static String timeLeft(String instant, Instant now) {
        Instant at;
        try {
            at = Instant.parse(instant.strip());
        } catch (DateTimeParseException e) {
            try {
                at = java.time.OffsetDateTime.parse(instant.strip()).toInstant();
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
        Duration left = Duration.between(now, at);
        if (left.isNegative() || left.isZero()) {
            return "0s";
        }
        if (left.toMillis() < 1000) {
            return left.toMillis() + "ms";
        }
        long seconds = (left.toMillis() + 999) / 1000; // rounded up: a client that waits this long finds the window reset
        StringBuilder text = new StringBuilder();
        if (seconds >= 3600) {
            text.append(seconds / 3600).append('h');
        }
        if (seconds >= 60) {
            text.append(seconds % 3600 / 60).append('m');
        }
        return text.append(seconds % 60).append('s').toString();
    }
}
