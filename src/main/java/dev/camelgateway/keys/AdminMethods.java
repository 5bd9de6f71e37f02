package dev.camelgateway.keys;

import dev.camelgateway.api.HttpMethods;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/** The {@code otherwise} of an /admin route's choice by method: 405 in OpenAI's envelope, with {@code Allow}. */
@Component("adminMethods")
public class AdminMethods {
    public void refuse(Exchange exchange, String allowed) {
        throw HttpMethods.notAllowed(exchange.getMessage().getHeader(Exchange.HTTP_METHOD, String.class), allowed);
    }
}
