package dev.camelgateway.provider.anthropic;

import dev.camelgateway.api.ClientRequest;
import dev.camelgateway.api.GatewayException;
import dev.camelgateway.api.messages.CountTokensApi;
import dev.camelgateway.provider.ApiBinding;
import dev.camelgateway.provider.MappedResponse;
import dev.camelgateway.provider.UpstreamRequest;
import dev.camelgateway.routing.Target;
import dev.camelgateway.stream.ClientStream;
import dev.camelgateway.usage.Usage;

import java.util.Map;

/**
 * Token counting by an Anthropic deployment ({@code POST {base-url}/v1/messages/count_tokens}), passed through as
 * Messages are ({@link AnthropicPassthrough}): the answer's bytes unchanged, an error's status and body too. Counting
 * is free at Anthropic: its attempt records zero tokens.
 */
final class AnthropicCountTokensBinding implements ApiBinding {
    static final String PATH = "/v1/messages/count_tokens";
    private static final Usage FREE = Usage.of(0L, 0L);

    @Override
    public UpstreamRequest toUpstreamRequest(ClientRequest request, Target target) {
        return AnthropicPassthrough.toUpstreamRequest(request, target, PATH);
    }

    @Override
    public MappedResponse toAnswer(byte[] upstreamBody, ClientRequest request, Target target) {
        return new MappedResponse(upstreamBody, FREE);
    }

    /** Never called: the reader makes every count a whole answer. */
    @Override
    public ClientStream newStream(ClientRequest request, Target target) {
        throw new UnsupportedOperationException("count_tokens does not stream");
    }

    @Override
    public GatewayException toGatewayException(String providerId, int status, String body, Map<String, String> headers) {
        return AnthropicErrorMapper.toGatewayException(providerId, status, body, headers)
                .asSentBy(CountTokensApi.NAME, status, body);
    }
}
