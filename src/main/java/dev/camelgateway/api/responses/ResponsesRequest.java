package dev.camelgateway.api.responses;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelgateway.api.ClientApi;
import dev.camelgateway.api.ClientRequest;

import java.util.List;
import java.util.Map;

/**
 * A Responses request as read: the client's body, the conversation its {@code previous_response_id} continues (the
 * stored chain, oldest first; empty for none), the id a translated answer gets, and where its finished answer is kept
 * (nothing with {@code store: false}).
 */
public final class ResponsesRequest extends ClientRequest {
    private final List<StoredResponse> conversation;
    private final String responseId = ResponsesItems.newId("resp");
    private final ResponseArchive archive;

    public ResponsesRequest(ClientApi api, ObjectNode body, List<StoredResponse> conversation, ResponseArchive archive) {
        super(api, body, body.get("model").asText(), body.path("stream").asBoolean(false), Map.of());
        this.conversation = List.copyOf(conversation);
        this.archive = archive;
    }

    /** The stored responses this one continues, oldest first (empty without {@code previous_response_id}). */
    public List<StoredResponse> conversation() {
        return conversation;
    }

    /** The conversation's items in order: each stored response's input items, then its output items. */
    public ArrayNode history() {
        return ResponsesConversation.history(conversation);
    }

    /** The client's {@code input} as items (a string is one user message). */
    public ArrayNode inputItems() {
        return ResponsesItems.of(body().get("input"));
    }

    /** Whether the answer is kept: OpenAI's default is to store. */
    public boolean store() {
        return body().path("store").asBoolean(true);
    }

    /** The id of a translated answer ({@code resp_…}); a passthrough answer keeps the upstream's. */
    public String responseId() {
        return responseId;
    }

    /** A chained call goes to the deployment that issued the previous response when its model's chain has it. */
    @Override
    public String preferredDeployment() {
        return conversation.isEmpty() ? null : conversation.get(conversation.size() - 1).deployment();
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
