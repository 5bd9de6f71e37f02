package dev.camelgateway.provider.azure;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelgateway.api.GatewayException;
import dev.camelgateway.api.Json;
import dev.camelgateway.api.OpenAiError;
import dev.camelgateway.provider.openai.OpenAiErrorMapper;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Azure OpenAI's error answers: OpenAI's envelope ({@link OpenAiErrorMapper}: statuses, 429 with Retry-After and
 * retry-after-ms), but for a prompt its content filter blocked — a 400 with {@code error.code: content_filter} and
 * {@code innererror.content_filter_result} — which becomes a 400 {@code content_filter} naming each filtered category
 * with its severity (Azure docs, "Content filtering": the prompt's annotations).
 */
final class AzureErrorMapper {
    static final String CONTENT_FILTER = "content_filter";

    private AzureErrorMapper() {
    }

    static GatewayException toGatewayException(String providerId, int status, String body, Map<String, String> headers) {
        JsonNode error = parse(body).path("error");
        if (status == 400 && CONTENT_FILTER.equals(error.path("code").asText())) {
            return contentFiltered(providerId, error.path("innererror").path("content_filter_result"));
        }
        return OpenAiErrorMapper.toGatewayException(providerId, status, body, headers);
    }

    private static GatewayException contentFiltered(String providerId, JsonNode result) {
        List<String> filtered = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = result.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> category = it.next();
            JsonNode annotation = category.getValue();
            if (annotation.path("filtered").asBoolean(false)) {
                String severity = annotation.hasNonNull("severity") ? annotation.get("severity").asText() : "detected";
                filtered.add(category.getKey() + ": " + severity);
            }
        }
        String which = filtered.isEmpty() ? "" : " (" + String.join(", ", filtered) + ")";
        return new GatewayException(400, new OpenAiError(providerId + ": the prompt was blocked by Azure OpenAI's content "
                + "filter" + which + ".", OpenAiError.INVALID_REQUEST, "messages", CONTENT_FILTER));
    }

    private static JsonNode parse(String body) {
        try {
            JsonNode node = body == null || body.isBlank() ? null : Json.parse(body);
            return node == null ? Json.object() : node;
        } catch (Exception e) {
            return Json.object();
        }
    }
}
