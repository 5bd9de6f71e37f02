package dev.camelgateway.api.responses;

import com.fasterxml.jackson.databind.node.ArrayNode;

import java.util.List;

/**
 * The items of a stored chain of responses as {@link StoredResponses#conversation} read them, oldest first: each
 * response's input items, then its output items; or the limit it passed (then the turns are not the whole of it).
 */
public record StoredConversation(List<ArrayNode[]> turns, boolean tooManyResponses, boolean tooLarge) {
}
