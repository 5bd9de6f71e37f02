package dev.camelgateway.api.messages;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelgateway.api.ChatRequest;
import dev.camelgateway.api.ChatTranslatedApi;
import dev.camelgateway.api.ClientApi;
import dev.camelgateway.api.ClientRequest;
import dev.camelgateway.api.GatewayException;
import dev.camelgateway.api.RequestContext;
import dev.camelgateway.routing.GatewayProperties;
import org.springframework.stereotype.Component;

/**
 * Anthropic Messages ({@code POST /v1/messages}: Claude Code, the Anthropic SDKs). A deployment of type anthropic
 * serves it as it is (its binding); any other gets the Chat Completions translation ({@link MessagesToChat}) and its
 * answers come back as Anthropic's ({@link ChatToMessage}, {@link MessagesStreamEncoder}). Every error is Anthropic's
 * envelope.
 */
@Component("messagesApi")
public class MessagesApi implements ChatTranslatedApi {
    public static final String NAME = "messages";
    private final AnthropicErrorBodies errors;
    private final boolean dropUnsupported;

    public MessagesApi(AnthropicErrorBodies errors, GatewayProperties properties) {
        this.errors = errors;
        this.dropUnsupported = properties.isDropUnsupportedParams();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ChatRequest toCanonical(ClientRequest request) {
        return MessagesToChat.toCanonical(request.body(), dropUnsupported);
    }

    @Override
    public byte[] answer(byte[] chatCompletion, ClientRequest request) {
        return ChatToMessage.toMessage(chatCompletion, request.model(), AnthropicShapes.stopSequences(request.body()));
    }

    @Override
    public StreamEncoder newStreamEncoder(ClientRequest request) {
        return new MessagesStreamEncoder(request.model(), AnthropicShapes.stopSequences(request.body()),
                request.promptTokens());
    }

    @Override
    public String errorBody(GatewayException error) {
        return errors.of(error, null);
    }

    @Override
    public String errorBody(GatewayException error, RequestContext context) {
        return errors.of(error, context);
    }

    @Override
    public long promptTokens(ClientRequest request) {
        return AnthropicPromptTokens.count(request.body());
    }

    /** {@code max_tokens}: required by the API, so always there. */
    @Override
    public Long maxOutputTokens(ClientRequest request) {
        JsonNode value = request.body().get("max_tokens");
        return value == null || value.isNull() ? null : value.asLong();
    }

    @Override
    public String maxOutputTokensField(ClientRequest request) {
        return "max_tokens";
    }
}
