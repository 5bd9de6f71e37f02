package dev.camelgateway.quota;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The key's rate status in OpenAI's header names ({@code x-ratelimit-limit-requests}, {@code -remaining-tokens},
 * {@code -reset-requests} as Go-style durations: {@code 20ms}, {@code 1.5s}, {@code 6m0s}), which the SDKs and
 * agents already read. Only the limits the key (or its team) has.
 */
public final class RateLimitHeaders {
    private RateLimitHeaders() {
    }

    public static Map<String, String> of(Admission.RateStatus status) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (status == null) {
            return headers;
        }
        put(headers, "requests", status.limitRequests(), status.remainingRequests(), status.resetRequestsMillis());
        put(headers, "tokens", status.limitTokens(), status.remainingTokens(), status.resetTokensMillis());
        return headers;
    }

    private static void put(Map<String, String> headers, String what, Long limit, Long remaining, Long resetMillis) {
        if (limit == null) {
            return;
        }
        headers.put("x-ratelimit-limit-" + what, Long.toString(limit));
        headers.put("x-ratelimit-remaining-" + what, Long.toString(Math.max(0, remaining == null ? 0 : remaining)));
        headers.put("x-ratelimit-reset-" + what, duration(resetMillis == null ? 0 : resetMillis));
    }

    static String duration(long millis) {
        if (millis < 1000) {
            return Math.max(0, millis) + "ms";
        }
        long minutes = millis / 60_000;
        long restMillis = millis % 60_000;
        String seconds = restMillis % 1000 == 0 ? Long.toString(restMillis / 1000)
                : String.format(java.util.Locale.ROOT, "%.3f", restMillis / 1000.0).replaceAll("0+$", "");
        return minutes == 0 ? seconds + "s" : minutes + "m" + seconds + "s";
    }
}
