package dev.camelgateway.api;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;

/**
 * The request as the client's API sent it (Chat Completions, Anthropic Messages, Responses, embeddings), read and
 * validated by that API's reader. A deployment with its own binding of the API ({@code ProviderAdapter.binding}) takes
 * it as it is (passthrough); any other deployment takes its {@link #canonical()} Chat Completions translation, made on
 * first use, so that a request only the passthrough can serve is refused only where it must be translated.
 * Subclasses carry what one API needs beyond this (e.g. the Responses conversation a previous response started).
 */
public class ClientRequest {
    private final ClientApi api;
    private final ObjectNode body;
    private final String model;
    private final boolean stream;
    private final Map<String, String> forwardHeaders;
    private volatile ChatRequest canonical;
    private volatile GatewayException untranslatable;
    private volatile long promptTokens = -1;

    /**
     * @param body           the client's JSON as sent; readers of it never modify it (a retry maps it afresh), except
     *                       the gateway key's token ceiling, written in before the first attempt
     * @param forwardHeaders the client's headers this API sends on to a passthrough deployment (e.g.
     *                       {@code anthropic-version}, {@code anthropic-beta}), as the reader picked them
     */
    public ClientRequest(ClientApi api, ObjectNode body, String model, boolean stream, Map<String, String> forwardHeaders) {
        this.api = api;
        this.body = body;
        this.model = model;
        this.stream = stream;
        this.forwardHeaders = Map.copyOf(forwardHeaders);
    }

    /** A Chat Completions request: it is its own canonical form. */
    public static ClientRequest ofChat(ClientApi api, ChatRequest chat) {
        ClientRequest request = new ClientRequest(api, chat.body(), chat.model(), chat.stream(), Map.of());
        request.canonical = chat;
        return request;
    }

    public ClientApi api() {
        return api;
    }

    public ObjectNode body() {
        return body;
    }

    public String model() {
        return model;
    }

    public boolean stream() {
        return stream;
    }

    public Map<String, String> forwardHeaders() {
        return forwardHeaders;
    }

    /** The Chat Completions form, for deployments without the API's own binding; a 400 when it has none. */
    public ChatRequest canonical() {
        ChatRequest made = canonical;
        if (made != null) {
            return made;
        }
        if (untranslatable != null) {
            throw untranslatable;
        }
        synchronized (this) {
            if (canonical == null && untranslatable == null) {
                try {
                    canonical = translatedApi().toCanonical(this);
                } catch (GatewayException e) {
                    untranslatable = e;
                    throw e;
                }
            }
            if (untranslatable != null) {
                throw untranslatable;
            }
            return canonical;
        }
    }

    /** The client's API as chat models serve it: an IllegalStateException for an API they cannot (checked before). */
    public ChatTranslatedApi translatedApi() {
        if (api instanceof ChatTranslatedApi translated) {
            return translated;
        }
        throw new IllegalStateException("the " + api.name() + " API has no Chat Completions translation");
    }

    /** The prompt's tokens as the gateway counts them (jtokkit), for budgets and for attempts with no reported usage. */
    public long promptTokens() {
        long counted = promptTokens;
        if (counted < 0) {
            counted = api.promptTokens(this);
            promptTokens = counted;
        }
        return counted;
    }

    /** The most output tokens one choice may produce, as the client asked (null: not asked). */
    public Long maxOutputTokens() {
        return api.maxOutputTokens(this);
    }

    /**
     * The deployment id this request would rather be served by, when its model's chain has it (a Responses call that
     * continues a response that deployment issued); null for none.
     */
    public String preferredDeployment() {
        return null;
    }

    /** How many choices the answer holds (Chat Completions' {@code n}; one elsewhere). */
    public long choices() {
        return api.choices(this);
    }
}
