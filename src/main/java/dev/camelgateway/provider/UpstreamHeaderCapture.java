package dev.camelgateway.provider;

import dev.camelgateway.api.RequestContext;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Keeps the attempt's {@link UpstreamResponseHeaders} (rate limits, the provider's request id) for the client's answer
 * and the ledger row. A step of the attempt route right after the call, and of the provider route's catch for an
 * upstream error answer (camel-http keeps those headers in its exception, not on the message).
 */
@Component("upstreamHeaderCapture")
public class UpstreamHeaderCapture {

    /** The call answered (2xx): camel-http copied the response headers onto the message. */
    public void afterCall(Exchange exchange) {
        RequestContext.of(exchange).attempt().upstreamHeaders(UpstreamResponseHeaders.of(exchange.getMessage().getHeaders(),
                Instant.now()));
    }

    /**
     * The attempt failed. An upstream error answer replaces what was kept; a failure without one (a broken stream after
     * a 200, a timeout) leaves the headers of the answer this attempt did get.
     */
    public void afterFailure(Exchange exchange) {
        Throwable failure = exchange.getException() != null ? exchange.getException()
                : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        UpstreamResponseHeaders headers;
        try {
            headers = UpstreamResponseHeaders.of(failure, Instant.now());
        } catch (RuntimeException e) { // never in the way of the attempt's row, the next step of the catch
            return;
        }
        Attempt attempt = RequestContext.of(exchange).attempt();
        if (headers != UpstreamResponseHeaders.NONE && attempt != null) {
            attempt.upstreamHeaders(headers);
        }
    }
}
