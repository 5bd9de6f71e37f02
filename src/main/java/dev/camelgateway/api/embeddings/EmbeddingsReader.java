package dev.camelgateway.api.embeddings;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelgateway.api.ChatRequestReader;
import dev.camelgateway.api.ClientRequest;
import dev.camelgateway.api.GuardedBodyRequest;
import dev.camelgateway.api.HttpMethods;
import dev.camelgateway.api.RequestContext;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Route step: the embeddings request read (POST, the body {@code JsonBodyGuard} checked, JSON, fields) into the
 * request's {@link ClientRequest}. Nothing of the client's headers travels upstream.
 */
@Component("embeddingsReader")
public class EmbeddingsReader {
    private final EmbeddingsApi api;

    public EmbeddingsReader(EmbeddingsApi api) {
        this.api = api;
    }

    public void read(Exchange exchange) {
        Message in = exchange.getMessage();
        HttpMethods.require("POST", in.getHeader(Exchange.HTTP_METHOD, String.class));
        byte[] body = GuardedBodyRequest.bodyOf(in.getHeader(Exchange.HTTP_SERVLET_REQUEST, HttpServletRequest.class));
        ObjectNode request = EmbeddingsValidator.validate(ChatRequestReader.parse(body));
        RequestContext.of(exchange).request(new ClientRequest(api, request, request.get("model").asText(), false, Map.of()));
        in.setBody(null);
    }
}
