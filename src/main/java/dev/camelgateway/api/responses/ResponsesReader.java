package dev.camelgateway.api.responses;

import com.fasterxml.jackson.databind.node.ArrayNode;
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
import java.time.Instant;

/**
 * Reads {@code POST /v1/responses} into a {@link ResponsesRequest}: method, JSON, field validation, then that the
 * response its {@code previous_response_id} continues is the caller's own, not expired, else 400
 * {@code previous_response_not_found} (OpenAI's wording), so that no id reaches an upstream the gateway did not see
 * issued to this key (every key shares the upstream's account). One indexed read: the conversation itself is read
 * later, once, only for a deployment that does not keep the previous response (and bounded: too long is a 400).
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
        PreviousResponse previous = previous(body, keyId);
        ResponseArchive archive = new ResponseArchive(store, keyId, () -> context.target().providerId(), clock,
                properties.getRetention());
        context.request(new ResponsesRequest(api, body, previous,
                () -> conversation(previous, keyId, clock.instant()), archive));
        in.setBody(null);
    }

    /** Only that the key has this response: its conversation is read when a deployment needs it. */
    private PreviousResponse previous(ObjectNode body, String keyId) {
        if (!body.hasNonNull("previous_response_id")) {
            return null;
        }
        String id = body.get("previous_response_id").asText();
        try {
            return store.previous(id, keyId, clock.instant()).orElseThrow(() -> StoredResponseErrors.previousNotFound(id));
        } catch (DataAccessException e) {
            throw StoredResponseErrors.unavailable();
        }
    }

    /** The conversation up to the previous response, whole or a 400 (too long); gone meanwhile: not found. */
    private ArrayNode conversation(PreviousResponse previous, String keyId, Instant now) {
        StoredConversation read;
        try {
            read = store.conversation(previous.id(), keyId, now, properties.getMaxChainResponses(),
                    properties.getMaxConversationChars());
        } catch (DataAccessException e) {
            throw StoredResponseErrors.unavailable();
        }
        if (read.tooManyResponses() || read.tooLarge()) {
            throw StoredResponseErrors.conversationTooLong(previous.id(), properties.getMaxChainResponses(),
                    properties.getMaxConversationChars());
        }
        if (read.turns().isEmpty()) {
            throw StoredResponseErrors.previousNotFound(previous.id());
        }
        return ResponsesConversation.history(read);
    }

    static String keyId(GatewayKey key) {
        return key == null ? null : key.id();
    }
}
