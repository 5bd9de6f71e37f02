package dev.camelgateway.api.responses;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelgateway.api.ChatRequest;
import dev.camelgateway.api.ChatTranslatedApi;
import dev.camelgateway.api.ClientApi;
import dev.camelgateway.api.ClientRequest;
import dev.camelgateway.api.ErrorEnvelope;
import dev.camelgateway.api.GatewayException;
import dev.camelgateway.api.Json;
import dev.camelgateway.api.OpenAiError;
import dev.camelgateway.routing.GatewayProperties;
import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * OpenAI's Responses API ({@code POST /v1/responses}, routes/responses.camel.yaml). OpenAI-type deployments that
 * serve it take the request as it is (provider/openai/OpenAiResponsesBinding); for every other deployment it is
 * translated to Chat Completions ({@link ResponsesToChat}) and the canonical answer becomes a Response object
 * ({@link ChatToResponse}) or its stream of events ({@link ResponsesStreamEncoder}). Errors: OpenAI's envelope;
 * mid-stream, {@code response.failed}.
 */
@Component("responsesApi")
public class ResponsesApi implements ChatTranslatedApi {
    private final ErrorEnvelope envelope;
    private final GatewayProperties properties;
    private final Clock clock;

    public ResponsesApi(ErrorEnvelope envelope, GatewayProperties properties, Clock clock) {
        this.envelope = envelope;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "responses";
    }

    @Override
    public ChatRequest toCanonical(ClientRequest request) {
        ResponsesRequest responses = (ResponsesRequest) request;
        return ResponsesToChat.toCanonical(responses.body(), responses.history(), properties.isDropUnsupportedParams());
    }

    /** The canonical answer as a Response, stored (unless store: false) before the client gets it. */
    @Override
    public byte[] answer(byte[] chatCompletion, ClientRequest request) {
        ResponsesRequest responses = (ResponsesRequest) request;
        ObjectNode completion = Json.objectOrNull(chatCompletion);
        if (completion == null) {
            throw new GatewayException(502, new OpenAiError("The upstream's answer could not be read.",
                    OpenAiError.SERVER_ERROR, null, "upstream_protocol_error"));
        }
        ObjectNode response = ChatToResponse.toResponse(completion, responses.body(), responses.responseId(),
                clock.instant().getEpochSecond(), ItemIds.RANDOM);
        responses.finished(response, false);
        return Json.bytes(response);
    }

    @Override
    public StreamEncoder newStreamEncoder(ClientRequest request) {
        ResponsesRequest responses = (ResponsesRequest) request;
        return new ResponsesStreamEncoder(responses.body(), responses.responseId(), clock.instant().getEpochSecond(),
                ItemIds.RANDOM, response -> responses.finished(response, false));
    }

    @Override
    public String errorBody(GatewayException error) {
        return envelope.toJson(error.error());
    }

    @Override
    public long promptTokens(ClientRequest request) {
        return ResponsesTokens.promptTokens((ResponsesRequest) request);
    }

    @Override
    public Long maxOutputTokens(ClientRequest request) {
        JsonNode value = request.body().get("max_output_tokens");
        return value == null || value.isNull() ? null : value.asLong();
    }

    @Override
    public String maxOutputTokensField(ClientRequest request) {
        return "max_output_tokens";
    }
}
