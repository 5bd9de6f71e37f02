package dev.camelgateway.provider.openai;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelgateway.api.ClientRequest;
import dev.camelgateway.api.GatewayException;
import dev.camelgateway.api.Json;
import dev.camelgateway.api.responses.ResponsesConversation;
import dev.camelgateway.api.responses.ResponsesRequest;
import dev.camelgateway.api.responses.ResponsesUsage;
import dev.camelgateway.provider.ApiBinding;
import dev.camelgateway.provider.MappedResponse;
import dev.camelgateway.provider.UpstreamJson;
import dev.camelgateway.provider.UpstreamRequest;
import dev.camelgateway.routing.GatewayProperties.ResponsesMode;
import dev.camelgateway.routing.Target;
import dev.camelgateway.stream.ClientStream;

import java.util.Map;
import java.util.Set;

/**
 * The Responses API passed through to an OpenAI-type deployment's own {@code POST {base-url}/responses} (its
 * {@code responses:} setting is passthrough or stateless): the client's body with the upstream model, a chained call's
 * conversation expanded where the deployment does not keep the previous response ({@link ResponsesConversation}), the
 * answer and its events as the upstream sent them, its errors in its own words. The gateway stores the finished
 * response before the client gets it (unless store: false). Its URL and credentials: the {@link OpenAiEndpoint}
 * given (OpenAI's own, or a cloud's, which may not have the operation: the request is then translated).
 */
public final class OpenAiResponsesBinding implements ApiBinding {
    private static final Set<String> FINISHED = Set.of("completed", "incomplete");
    public static final String RESPONSES = "/responses";
    private final OpenAiEndpoint endpoint;

    public OpenAiResponsesBinding(OpenAiEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    @Override
    public boolean serves(Target target) {
        return target.provider().getResponses() != ResponsesMode.TRANSLATE && endpoint.serves(target, RESPONSES);
    }

    @Override
    public UpstreamRequest toUpstreamRequest(ClientRequest request, Target target) {
        ObjectNode body = ResponsesConversation.toPassthroughBody((ResponsesRequest) request, target);
        return new UpstreamRequest(endpoint.url(target, RESPONSES), endpoint.headers(target), Json.bytes(body));
    }

    /** The answer's bytes go back untouched, but for the gateway's own id from a stateless deployment. */
    @Override
    public MappedResponse toAnswer(byte[] upstreamBody, ClientRequest request, Target target) {
        ObjectNode response = UpstreamJson.object(upstreamBody, "response body");
        String ownId = gatewayId(request, target);
        byte[] body = upstreamBody;
        if (ownId != null) {
            response.put("id", ownId);
            body = Json.bytes(response);
        }
        return new MappedResponse(body, ResponsesUsage.toUsage(response.get("usage")));
    }

    /** A finished response is stored before the client gets it (its usage is already the attempt's). */
    @Override
    public void answered(MappedResponse answer, ClientRequest request, Target target) {
        ObjectNode response = UpstreamJson.object(answer.body(), "response body");
        if (FINISHED.contains(response.path("status").asText())) {
            ((ResponsesRequest) request).finished(response, upstreamHeld(request, target));
        }
    }

    @Override
    public ClientStream newStream(ClientRequest request, Target target) {
        return new OpenAiResponsesStream((ResponsesRequest) request, upstreamHeld(request, target),
                gatewayId(request, target));
    }

    /**
     * The id the client gets from a deployment that keeps no responses (stateless): the gateway's own, since such an
     * upstream's ids need not be unique (Ollama's are {@code resp_} and six digits); null: the upstream's id, which it
     * keeps and must be able to resolve.
     */
    private static String gatewayId(ClientRequest request, Target target) {
        return target.provider().getResponses() == ResponsesMode.STATELESS ? ((ResponsesRequest) request).responseId() : null;
    }

    @Override
    public GatewayException toGatewayException(String providerId, int status, String body, Map<String, String> headers) {
        return OpenAiErrorMapper.toGatewayException(providerId, status, body, headers).asSentBy("responses", status, body);
    }

    /** The deployment keeps the response too: a passthrough (not stateless) deployment, asked to store. */
    private static boolean upstreamHeld(ClientRequest request, Target target) {
        return target.provider().getResponses() == ResponsesMode.PASSTHROUGH && ((ResponsesRequest) request).store();
    }
}
