package dev.camelgateway.provider.anthropic;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelgateway.api.ClientRequest;
import dev.camelgateway.api.Json;
import dev.camelgateway.api.messages.AnthropicHeaders;
import dev.camelgateway.provider.UpstreamRequest;
import dev.camelgateway.routing.Target;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An Anthropic API request as the client sent it, to an Anthropic deployment: the client's JSON with only
 * {@code model} replaced by the upstream model; the deployment's own {@code x-api-key} (never the client's); the
 * client's {@code anthropic-version} (2023-06-01 when it sent none) and its {@code anthropic-beta} flags but those the
 * deployment drops ({@code anthropic-beta-drop}).
 */
public final class AnthropicPassthrough {
    private AnthropicPassthrough() {
    }

    /** @param path {@code /v1/messages} or {@code /v1/messages/count_tokens} */
    static UpstreamRequest toUpstreamRequest(ClientRequest request, Target target, String path) {
        ObjectNode body = request.body().deepCopy();
        body.put("model", target.upstreamModel());
        return new UpstreamRequest(target.provider().endpoint(path), headers(request.forwardHeaders(), target), Json.bytes(body));
    }

    private static Map<String, String> headers(Map<String, String> forwarded, Target target) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(AnthropicHeaders.VERSION, forwarded.getOrDefault(AnthropicHeaders.VERSION, AnthropicRequestMapper.VERSION));
        String betas = kept(forwarded.get(AnthropicHeaders.BETA), target.provider().getAnthropicBetaDrop());
        if (!betas.isEmpty()) {
            headers.put(AnthropicHeaders.BETA, betas);
        }
        String key = target.provider().getApiKey();
        if (!key.isBlank()) {
            headers.put("x-api-key", key);
        }
        return headers;
    }

    /** The client's beta flags (comma-separated, as the reader joined them) without the dropped ones. */
    public static String kept(String betas, List<String> dropped) {
        if (betas == null || betas.isEmpty()) {
            return "";
        }
        List<String> kept = new ArrayList<>();
        for (String beta : betas.split(",")) {
            if (!dropped.contains(beta)) {
                kept.add(beta);
            }
        }
        return String.join(",", kept);
    }
}
