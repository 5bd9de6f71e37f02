package dev.camelgateway.e2e;

import com.anthropic.client.AnthropicClient;
import com.anthropic.core.ObjectMappers;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.camelgateway.api.Json;
import dev.camelgateway.support.AnthropicClients;
import dev.camelgateway.support.GatewayTestSupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What the /v1/messages end-to-end tests share: the Anthropic SDK and raw requests at the gateway, its ledger rows. */
abstract class MessagesTestSupport extends GatewayTestSupport {

    /** The SDK as Claude Code's users point it at the gateway: the gateway key as its API key (x-api-key). */
    static AnthropicClient anthropic() {
        return AnthropicClients.withKey(gatewayUrl(""), GATEWAY_KEY);
    }

    /** POST /v1/messages as an Anthropic client sends it (x-api-key), with more headers. */
    static HttpResponse<String> messages(String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gatewayUrl("/v1/messages")))
                .header("Content-Type", "application/json").header("x-api-key", GATEWAY_KEY)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return send(request.build());
    }

    /** Any SDK value (an event, an error's body) as JSON, as it was on the wire. */
    static JsonNode json(Object sdkValue) {
        try {
            return json(ObjectMappers.jsonMapper().writeValueAsString(sdkValue));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode json(String text) {
        try {
            return Json.parse(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String type(RawMessageStreamEvent event) {
        return json(event).path("type").asText();
    }
}
