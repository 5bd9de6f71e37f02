package dev.camelgateway.api.responses;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelgateway.api.ClientApi;
import dev.camelgateway.api.ClientRequest;
import dev.camelgateway.api.Json;

import java.util.Map;
import java.util.function.Supplier;

/**
 * A Responses request as read: the client's body, the stored response its {@code previous_response_id} continues (null
 * for none) and that response's conversation — read from the store only when a deployment needs it, once —, the id a
 * translated answer gets, and where its finished answer is kept (nothing with {@code store: false}).
 */
public final class ResponsesRequest extends ClientRequest {
    private final PreviousResponse previous;
    private final Supplier<ArrayNode> conversation;
    private volatile ArrayNode history;
    private volatile RuntimeException unreadable;
    private final String responseId = ResponsesItems.newId("resp");
    private final ResponseArchive archive;

    /**
     * @param previous     the response {@code previous_response_id} names (null without one)
     * @param conversation reads its conversation's items, oldest first (a 4xx or 503 when it cannot)
     */
    public ResponsesRequest(ClientApi api, ObjectNode body, PreviousResponse previous, Supplier<ArrayNode> conversation,
                            ResponseArchive archive) {
        super(api, body, body.get("model").asText(), body.path("stream").asBoolean(false), Map.of());
        this.previous = previous;
        this.conversation = conversation;
        this.archive = archive;
    }

    /** The stored response this one continues (null without {@code previous_response_id}). */
    public PreviousResponse previous() {
        return previous;
    }

    /**
     * The conversation's items in order (each stored response's input items, then its output items), read on first
     * use and kept, as is a failure to read it; empty without {@code previous_response_id}.
     */
    public ArrayNode history() {
        ArrayNode read = history;
        if (read != null) {
            return read;
        }
        synchronized (this) {
            if (history == null && unreadable == null) {
                try {
                    history = previous == null ? Json.MAPPER.createArrayNode() : conversation.get();
                } catch (RuntimeException e) {
                    unreadable = e;
                }
            }
            if (unreadable != null) {
                throw unreadable;
            }
            return history;
        }
    }

    /** The client's {@code input} as items (a string is one user message). */
    public ArrayNode inputItems() {
        return ResponsesItems.of(body().get("input"));
    }

    /** Whether the answer is kept: OpenAI's default is to store. */
    public boolean store() {
        return body().path("store").asBoolean(true);
    }

    /** The id of a translated or stateless answer ({@code resp_} + 32 hex); a passthrough answer keeps the upstream's. */
    public String responseId() {
        return responseId;
    }

    /** A chained call goes to the deployment that issued the previous response when its model's chain has it. */
    @Override
    public String preferredDeployment() {
        return previous == null ? null : previous.deployment();
    }

    /**
     * The answer is finished: kept (unless {@code store: false}) before the client is told, so that a chained call on
     * any instance finds it.
     */
    public void finished(ObjectNode response, boolean upstreamHeld) {
        if (store()) {
            archive.keep(this, response, upstreamHeld);
        }
    }
}
