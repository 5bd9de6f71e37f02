package dev.camelgateway.keys;

import dev.camelgateway.api.GatewayException;
import dev.camelgateway.api.OpenAiError;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

import java.util.Map;

/** The {@code otherwise} of an /admin route's choice by method: 405 in OpenAI's envelope, with {@code Allow}. */
@Component("adminMethods")
public class AdminMethods {
    public void refuse(Exchange exchange, String allowed) {
        String method = exchange.getMessage().getHeader(Exchange.HTTP_METHOD, String.class);
        throw new GatewayException(405, new OpenAiError("Method " + method + " is not allowed on this endpoint; use "
                + allowed + ".", OpenAiError.INVALID_REQUEST, null, "method_not_allowed"), Map.of("Allow", allowed));
    }
}
