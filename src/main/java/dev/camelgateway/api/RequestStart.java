package dev.camelgateway.api;

import dev.camelgateway.stream.ClientProbe;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

import dev.camelgateway.routing.GatewayProperties;
import java.time.Duration;

/** First step of every API route: mints the request id and keeps what later steps need from the HTTP layer. */
@Component("requestStart")
public class RequestStart {
    private final Duration requestTimeout;

    public RequestStart(GatewayProperties properties) {
        this.requestTimeout = properties.getRequestTimeout();
    }

    public void open(Exchange exchange) {
        String clientRequestId = exchange.getMessage().getHeader("x-request-id", String.class);
        HttpServletResponse response = exchange.getMessage().getHeader(Exchange.HTTP_SERVLET_RESPONSE, HttpServletResponse.class);
        RequestContext context = new RequestContext(clientRequestId, response);
        context.deadline(requestTimeout);
        HttpServletRequest request = exchange.getMessage().getHeader(Exchange.HTTP_SERVLET_REQUEST, HttpServletRequest.class);
        if (request != null && request.getAttribute(ClientProbe.ATTRIBUTE) instanceof ClientProbe probe) {
            context.clientProbe(probe);
        }
        exchange.setProperty(RequestContext.PROPERTY, context);
    }
}
