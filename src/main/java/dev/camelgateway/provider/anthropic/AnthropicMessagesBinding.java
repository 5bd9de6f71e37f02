package dev.camelgateway.provider.anthropic;

import dev.camelgateway.api.ClientRequest;
import dev.camelgateway.api.GatewayException;
import dev.camelgateway.api.Json;
import dev.camelgateway.api.messages.MessagesApi;
import dev.camelgateway.provider.ApiBinding;
import dev.camelgateway.provider.MappedResponse;
import dev.camelgateway.provider.UpstreamRequest;
import dev.camelgateway.routing.Target;
import dev.camelgateway.stream.ClientStream;

import java.util.Map;

/**
 * Anthropic Messages served by an Anthropic deployment as it is ({@code POST {base-url}/v1/messages}): the request
 * as the client sent it ({@link AnthropicPassthrough}), the answer's bytes unchanged with their usage read for the
 * ledger, the stream's events forwarded one by one ({@link AnthropicMessagesStream}), and an error answer's status and
 * body unchanged for the client (retries and fallbacks follow {@link AnthropicErrorMapper}'s mapping, as for chat).
 */
final class AnthropicMessagesBinding implements ApiBinding {
    static final String PATH = "/v1/messages";

    @Override
    public UpstreamRequest toUpstreamRequest(ClientRequest request, Target target) {
        return AnthropicPassthrough.toUpstreamRequest(request, target, PATH);
    }

    @Override
    public MappedResponse toAnswer(byte[] upstreamBody, ClientRequest request, Target target) {
        var message = Json.objectOrNull(upstreamBody);
        var usage = message == null ? null : message.get("usage");
        return new MappedResponse(upstreamBody, usage == null || !usage.isObject() ? null : AnthropicUsage.toUsage(usage, usage));
    }

    @Override
    public ClientStream newStream(ClientRequest request, Target target) {
        return new AnthropicMessagesStream();
    }

    @Override
    public GatewayException toGatewayException(String providerId, int status, String body, Map<String, String> headers) {
        return AnthropicErrorMapper.toGatewayException(providerId, status, body, headers)
                .asSentBy(MessagesApi.NAME, status, body);
    }
}
