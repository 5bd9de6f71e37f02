package dev.camelgateway.api.messages;

import dev.camelgateway.api.ClientApi;
import dev.camelgateway.api.ClientRequest;
import dev.camelgateway.api.GatewayException;
import dev.camelgateway.api.RequestContext;
import org.springframework.stereotype.Component;

/**
 * Anthropic's token counting ({@code POST /v1/messages/count_tokens}): a deployment of type anthropic counts (its
 * binding); for any other the gateway estimates ({@link TokenCounter}), so there is no Chat Completions translation to
 * make. Counting produces no output and costs nothing: it counts as a request against a key's rate limits (one
 * key's counting must not exhaust the provider's for everyone), and reserves nothing against token limits and budgets.
 * Errors in Anthropic's envelope.
 */
@Component("countTokensApi")
public class CountTokensApi implements ClientApi {
    public static final String NAME = "count_tokens";
    private final AnthropicErrorBodies errors;

    public CountTokensApi(AnthropicErrorBodies errors) {
        this.errors = errors;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String errorBody(GatewayException error) {
        return errors.of(error, null);
    }

    @Override
    public String errorBody(GatewayException error, RequestContext context) {
        return errors.of(error, context);
    }

    /** A count is a request for the rate limits, and uses no token limit or budget. */
    @Override
    public boolean usesTokens() {
        return false;
    }

    @Override
    public long promptTokens(ClientRequest request) {
        return AnthropicPromptTokens.count(request.body());
    }

    /** None: a count answers no output (and a key's token ceiling is never written into its body). */
    @Override
    public Long maxOutputTokens(ClientRequest request) {
        return 0L;
    }

    @Override
    public String maxOutputTokensField(ClientRequest request) {
        return "max_tokens";
    }
}
