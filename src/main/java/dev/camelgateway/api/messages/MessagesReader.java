package dev.camelgateway.api.messages;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelgateway.api.ChatRequestReader;
import dev.camelgateway.api.ClientApi;
import dev.camelgateway.api.ClientRequest;
import dev.camelgateway.api.GuardedBodyRequest;
import dev.camelgateway.api.HttpMethods;
import dev.camelgateway.api.RequestContext;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.springframework.stereotype.Component;

/**
 * Reads an Anthropic Messages request (route step): method, JSON, field validation
 * ({@link MessagesRequestValidator}), the Anthropic headers a passthrough forwards ({@link AnthropicHeaders}) and the
 * client's session id for the ledger. Content type, size and UTF-8 were checked by the body guard, which answered in
 * Anthropic's envelope too.
 */
@Component("messagesReader")
public class MessagesReader {
    private final MessagesApi messages;
    private final CountTokensApi countTokens;

    public MessagesReader(MessagesApi messages, CountTokensApi countTokens) {
        this.messages = messages;
        this.countTokens = countTokens;
    }

    /** {@code POST /v1/messages}. */
    public void read(Exchange exchange) {
        ObjectNode body = MessagesRequestValidator.validate(ChatRequestReader.parse(body(exchange)));
        accept(exchange, messages, body, body.path("stream").asBoolean(false));
    }

    /** {@code POST /v1/messages/count_tokens}: never streamed. */
    public void readCountTokens(Exchange exchange) {
        ObjectNode body = MessagesRequestValidator.validateCountTokens(ChatRequestReader.parse(body(exchange)));
        accept(exchange, countTokens, body, false);
    }

    private static byte[] body(Exchange exchange) {
        Message in = exchange.getMessage();
        HttpMethods.require("POST", in.getHeader(Exchange.HTTP_METHOD, String.class));
        return GuardedBodyRequest.bodyOf(servletRequest(exchange));
    }

    private static void accept(Exchange exchange, ClientApi api, ObjectNode body, boolean stream) {
        HttpServletRequest servlet = servletRequest(exchange);
        RequestContext context = RequestContext.of(exchange);
        context.clientSessionId(servlet == null ? null : servlet.getHeader(AnthropicHeaders.SESSION));
        context.request(new ClientRequest(api, body, body.get("model").asText(), stream, AnthropicHeaders.forwarded(servlet)));
        exchange.getMessage().setBody(null);
    }

    private static HttpServletRequest servletRequest(Exchange exchange) {
        return exchange.getMessage().getHeader(Exchange.HTTP_SERVLET_REQUEST, HttpServletRequest.class);
    }
}
