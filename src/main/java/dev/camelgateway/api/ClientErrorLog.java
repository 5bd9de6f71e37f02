package dev.camelgateway.api;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one log line of a refused request (a 4xx): request id (with the caller's key and team once known), status, code and the bounded, printable {@code param};
 * never a stack trace and nothing else the client wrote (a message may quote it). Logger {@code dev.camelgateway.refused}.
 */
public final class ClientErrorLog {
    private static final Logger LOG = LoggerFactory.getLogger("dev.camelgateway.refused");

    private ClientErrorLog() {
    }

    public static void refused(String request, GatewayException error) {
        if (error.status() >= 500 || !LOG.isInfoEnabled()) {
            return;
        }
        String param = error.error().param();
        LOG.info("request {} refused: {} {}{}", request, error.status(), error.error().code(),
                param == null ? "" : " (" + Bounded.of(param) + ")");
    }
}
