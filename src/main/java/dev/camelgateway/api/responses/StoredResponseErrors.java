package dev.camelgateway.api.responses;

import dev.camelgateway.api.Bounded;
import dev.camelgateway.api.GatewayException;
import dev.camelgateway.api.OpenAiError;

/** The stored-response errors, in OpenAI's wording (the id a client sent is quoted bounded). */
final class StoredResponseErrors {
    private StoredResponseErrors() {
    }

    /** Unknown, expired, deleted, or another key's: the same answer, so that ids of other keys cannot be probed. */
    static GatewayException notFound(String id) {
        return new GatewayException(404, new OpenAiError("Response with id '" + Bounded.of(id) + "' not found.",
                OpenAiError.INVALID_REQUEST, null, null));
    }

    static GatewayException previousNotFound(String id) {
        return GatewayException.badRequest("Previous response with id '" + Bounded.of(id) + "' not found.",
                "previous_response_id", "previous_response_not_found");
    }

    /** Never cut silently: a conversation cut short would change what the model is told. */
    static GatewayException conversationTooLong(String id, int maxResponses, long maxChars) {
        return GatewayException.badRequest("The conversation of previous response '" + Bounded.of(id) + "' is too long: "
                + "the gateway continues conversations of at most " + maxResponses + " responses and "
                + (maxChars / (1024 * 1024)) + " MB of items. Start a new conversation, or send the items you need in "
                + "'input'.", "previous_response_id", "context_length_exceeded");
    }

    static GatewayException unavailable() {
        return new GatewayException(503, new OpenAiError("Stored responses are unavailable right now (the gateway's "
                + "database did not answer); try again shortly.", OpenAiError.SERVER_ERROR, null, "store_unavailable"));
    }
}
