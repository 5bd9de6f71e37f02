package dev.camelgateway.api;

import jakarta.servlet.http.HttpServletResponse;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/** First step of every API route: mints the request id and keeps what later steps need from the HTTP layer. */
@Component("requestStart")
public class RequestStart {

    public void open(Exchange exchange) {
        String clientRequestId = exchange.getMessage().getHeader("x-request-id", String.class);
        HttpServletResponse response = exchange.getMessage().getHeader(Exchange.HTTP_SERVLET_RESPONSE, HttpServletResponse.class);
        exchange.setProperty(RequestContext.PROPERTY, new RequestContext(clientRequestId, response));
    }
}
