package dev.camelgateway.provider;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelgateway.api.GatewayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Iterator;
import java.util.Set;

/**
 * The policy for request fields a provider cannot honour: a 400 {@code unsupported_parameter} that names the
 * field and the provider, or — with {@code gateway.drop-unsupported-params: true} — drop it and log at debug.
 * Nothing is dropped silently by default.
 */
public record UnsupportedParameters(String provider, boolean drop) {
    private static final Logger LOG = LoggerFactory.getLogger(UnsupportedParameters.class);

    /**
     * Every non-null field of the request outside {@code mapped} goes to {@link #reject}, and {@code n} other than 1
     * (one completion per request; never silently fewer than asked).
     */
    public void rejectUnmapped(ObjectNode request, Set<String> mapped) {
        for (Iterator<String> names = request.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!request.get(name).isNull() && !mapped.contains(name)) {
                reject(name);
            }
        }
        if (request.hasNonNull("n") && request.get("n").asInt() != 1) {
            reject("n");
        }
    }

    /** Returns normally when the field may be dropped; throws when the policy says refuse. */
    public void reject(String param) {
        if (!drop) {
            throw GatewayException.badRequest("Parameter '" + param + "' is not supported by provider '" + provider
                    + "'. Remove it, or set gateway.drop-unsupported-params=true to have the gateway drop it.",
                    param, "unsupported_parameter");
        }
        LOG.debug("dropping parameter '{}' unsupported by provider '{}'", param, provider);
    }
}
