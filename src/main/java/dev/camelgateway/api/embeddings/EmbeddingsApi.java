package dev.camelgateway.api.embeddings;

import dev.camelgateway.api.ClientApi;
import dev.camelgateway.api.ClientRequest;
import dev.camelgateway.api.ErrorEnvelope;
import dev.camelgateway.api.GatewayException;
import org.springframework.stereotype.Component;

/**
 * OpenAI embeddings ({@code POST /v1/embeddings}): served only by deployments whose type binds it (OpenAI-type servers
 * as they are, Mistral and Gemini mapped); no chat model can answer it, so any other deployment refuses it with a 400
 * naming the deployment and its type. Errors in OpenAI's envelope; never streamed; no output tokens, so budgets reserve
 * the prompt only.
 */
@Component("embeddingsApi")
public class EmbeddingsApi implements ClientApi {
    private final ErrorEnvelope envelope;

    public EmbeddingsApi(ErrorEnvelope envelope) {
        this.envelope = envelope;
    }

    @Override
    public String name() {
        return "embeddings";
    }

    @Override
    public String errorBody(GatewayException error) {
        return envelope.toJson(error.error());
    }

    @Override
    public long promptTokens(ClientRequest request) {
        return EmbeddingsInput.of(request.body()).tokens();
    }

    /** Zero: an embedding has no output tokens, so the quota reserves the prompt and no completion-reserve. */
    @Override
    public Long maxOutputTokens(ClientRequest request) {
        return 0L;
    }

    /**
     * The field an error about the request's size names: the input (a key's token ceiling is never written into an
     * embeddings request, which asks for no output).
     */
    @Override
    public String maxOutputTokensField(ClientRequest request) {
        return "input";
    }
}
