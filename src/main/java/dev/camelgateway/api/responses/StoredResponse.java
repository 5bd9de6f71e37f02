package dev.camelgateway.api.responses;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;

/**
 * One row of {@code stored_response} ({@code V5__stored_responses.sql}).
 *
 * @param keyId        the gateway key that made it (null with auth off): no other key sees it
 * @param deployment   the deployment that answered
 * @param upstreamHeld the deployment keeps it too (OpenAI-type passthrough with store)
 * @param inputItems   the request's own input items, with ids (not its predecessors')
 * @param outputItems  the answer's output items
 * @param response     the Response object as the client got it
 */
public record StoredResponse(String id, String keyId, String deployment, boolean upstreamHeld, String previousResponseId,
                             String model, ArrayNode inputItems, ArrayNode outputItems, ObjectNode response,
                             Instant createdAt, Instant expiresAt) {
}
