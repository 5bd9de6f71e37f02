package dev.camelgateway.api.responses;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelgateway.api.GatewayException;
import dev.camelgateway.api.OpenAiError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Keeps one request's finished response in {@link StoredResponses}: for its key, by the deployment that answered, for
 * the configured retention. A response that cannot be kept is not reported as finished: the client is told (500), and
 * may retry or send {@code store: false}.
 */
public final class ResponseArchive {
    private static final Logger LOG = LoggerFactory.getLogger(ResponseArchive.class);
    private final StoredResponses store;
    private final String keyId;
    private final Supplier<String> deployment;
    private final Clock clock;
    private final Duration retention;

    /** @param deployment the deployment answering (the request's current target when the answer finishes) */
    public ResponseArchive(StoredResponses store, String keyId, Supplier<String> deployment, Clock clock, Duration retention) {
        this.store = store;
        this.keyId = keyId;
        this.deployment = deployment;
        this.clock = clock;
        this.retention = retention;
    }

    void keep(ResponsesRequest request, ObjectNode response, boolean upstreamHeld) {
        String id = response.path("id").asText("");
        if (id.isEmpty() || id.length() > ResponsesRequestValidator.MAX_RESPONSE_ID) {
            throw notStored("the answer has no usable id");
        }
        Instant now = clock.instant();
        ArrayNode output = response.get("output") instanceof ArrayNode items ? items : response.putArray("output");
        String previous = request.body().path("previous_response_id").asText(null);
        try {
            store.save(new StoredResponse(id, keyId, deployment.get(), upstreamHeld, previous, request.model(),
                    ResponsesItems.withIds(request.inputItems()), output, response, now, now.plus(retention)));
        } catch (DataAccessException e) {
            LOG.error("stored responses: response {} could not be stored: {}", id, e.toString());
            throw notStored("the gateway's database did not take it");
        }
    }

    private static GatewayException notStored(String why) {
        return new GatewayException(500, new OpenAiError("The response could not be stored (" + why + "). Retry, or send "
                + "'store': false to go without storing.", OpenAiError.SERVER_ERROR, null, "response_not_stored"));
    }
}
