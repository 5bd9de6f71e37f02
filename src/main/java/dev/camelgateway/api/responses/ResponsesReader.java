package dev.camelgateway.api.responses;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelgateway.api.ChatRequestReader;
import dev.camelgateway.api.GuardedBodyRequest;
import dev.camelgateway.api.HttpMethods;
import dev.camelgateway.api.RequestContext;
import dev.camelgateway.keys.GatewayKey;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.List;

/**
 * Reads {@code POST /v1/responses} into a {@link ResponsesRequest}: method, JSON, field validation, then the stored
 * conversation its {@code previous_response_id} continues — the caller's own, not expired, else 400
 * {@code previous_response_not_found} (OpenAI's wording), so that no id reaches an upstream the gateway did not see
 * issued to this key (every key shares the upstream's account).
 */
@Component("responsesReader")
public class ResponsesReader {
    private final ResponsesApi api;
    private final StoredResponses store;
    private final Clock clock;
    private final ResponsesProperties properties;

    public ResponsesReader(ResponsesApi api, StoredResponses store, Clock clock, ResponsesProperties properties) {
        this.api = api;
        this.store = store;
        this.clock = clock;
        this.properties = properties;
    }

    public void read(Exchange exchange) {
        Message in = exchange.getMessage();
        HttpMethods.require("POST", in.getHeader(Exchange.HTTP_METHOD, String.class));
        byte[] bytes = GuardedBodyRequest.bodyOf(in.getHeader(Exchange.HTTP_SERVLET_REQUEST, HttpServletRequest.class));
        ObjectNode body = ResponsesRequestValidator.validate(ChatRequestReader.parse(bytes));
        RequestContext context = RequestContext.of(exchange);
        String keyId = keyId(context.key());
        List<StoredResponse> conversation = conversation(body, keyId);
        ResponseArchive archive = new ResponseArchive(store, keyId, () -> context.target().providerId(), clock,
                properties.getRetention());
        context.request(new ResponsesRequest(api, body, conversation, archive));
        in.setBody(null);
    }

    private List<StoredResponse> conversation(ObjectNode body, String keyId) {
        if (!body.hasNonNull("previous_response_id")) {
            return List.of();
        }
        String id = body.get("previous_response_id").asText();
        List<StoredResponse> chain;
        try {
            chain = store.chain(id, keyId, clock.instant());
        } catch (DataAccessException e) {
            throw StoredResponseErrors.unavailable();
        }
        if (chain.isEmpty()) {
            throw StoredResponseErrors.previousNotFound(id);
        }
        return chain;
    }

    static String keyId(GatewayKey key) {
        return key == null ? null : key.id();
    }
}
