package dev.camelgateway.provider;

import dev.camelgateway.api.GatewayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The policy for request fields a provider cannot honour: a 400 {@code unsupported_parameter} that names the
 * field and the provider, or — with {@code gateway.drop-unsupported-params: true} — drop it and log at debug.
 * Nothing is dropped silently by default.
 */
public record UnsupportedParameters(String provider, boolean drop) {
    private static final Logger LOG = LoggerFactory.getLogger(UnsupportedParameters.class);

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
