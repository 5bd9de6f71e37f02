package dev.camelgateway.api.messages;

import dev.camelgateway.api.Bounded;
import dev.camelgateway.api.GatewayException;
import jakarta.servlet.http.HttpServletRequest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The client's Anthropic headers an Anthropic deployment gets ({@code anthropic-version}, {@code anthropic-beta}):
 * they choose the API's behaviour, so they travel with the request. They become upstream header values, so each is
 * held to what Anthropic's values look like (a version date, comma-separated beta names), at most a few KB: anything
 * else is a 400 naming the header, never a header line of the client's making.
 */
public final class AnthropicHeaders {
    public static final String VERSION = "anthropic-version";
    public static final String BETA = "anthropic-beta";
    /** Claude Code's session: kept on the ledger rows (per-session accounting), never sent upstream. */
    public static final String SESSION = "X-Claude-Code-Session-Id";
    private static final Pattern VERSION_VALUE = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern BETA_NAME = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final int MAX_BETAS = 64;

    private AnthropicHeaders() {
    }

    /** The headers to forward, by their lower-case names (absent ones left out). */
    public static Map<String, String> forwarded(HttpServletRequest request) {
        Map<String, String> headers = new LinkedHashMap<>();
        String version = request == null ? null : request.getHeader(VERSION);
        if (version != null) {
            if (!VERSION_VALUE.matcher(version.strip()).matches()) {
                throw invalid(VERSION, version, "a version such as 2023-06-01");
            }
            headers.put(VERSION, version.strip());
        }
        List<String> betas = betas(request);
        if (!betas.isEmpty()) {
            headers.put(BETA, String.join(",", betas));
        }
        return headers;
    }

    /** Every {@code anthropic-beta} value, repeated headers and comma lists alike, in order, without duplicates. */
    private static List<String> betas(HttpServletRequest request) {
        List<String> betas = new ArrayList<>();
        if (request == null) {
            return betas;
        }
        for (String header : Collections.list(request.getHeaders(BETA))) {
            for (String name : header.split(",")) {
                String beta = name.strip();
                if (beta.isEmpty() || betas.contains(beta)) {
                    continue;
                }
                if (!BETA_NAME.matcher(beta).matches()) {
                    throw invalid(BETA, beta, "comma-separated beta names");
                }
                betas.add(beta);
            }
        }
        if (betas.size() > MAX_BETAS) {
            throw GatewayException.badRequest("Invalid '" + BETA + "' header: more than " + MAX_BETAS + " beta names.",
                    BETA, "invalid_value");
        }
        return betas;
    }

    private static GatewayException invalid(String header, String value, String expected) {
        return GatewayException.badRequest("Invalid '" + header + "' header '" + Bounded.of(value) + "': expected "
                + expected + ".", header, "invalid_value");
    }
}
