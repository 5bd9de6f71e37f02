package dev.camelgateway.api.messages;

import dev.camelgateway.api.Bounded;
import dev.camelgateway.api.GatewayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an Anthropic request holds that Chat Completions cannot carry, for a deployment without Anthropic's own API:
 * a 400 that names it. Parameters (not content) follow {@code gateway.drop-unsupported-params}: refused by default,
 * dropped (logged at debug) when it is true.
 */
final class Untranslatable {
    private static final Logger LOG = LoggerFactory.getLogger(Untranslatable.class);
    private static final String WHY = " has no Chat Completions translation, and the model is served by a deployment "
            + "without Anthropic's Messages API (only deployments of type anthropic serve it as it is).";

    private Untranslatable() {
    }

    /** Content the translation cannot carry: always a 400 (dropping it would change what the model reads). */
    static GatewayException content(String what, String param) {
        return GatewayException.badRequest(what + " at '" + param + "'" + WHY, param, "unsupported_content");
    }

    /** A block of a type the translation does not know. */
    static GatewayException blockType(String type, String param) {
        return content("The content block type '" + Bounded.of(type) + "'", param);
    }

    /** A request parameter: refused, or dropped when the operator says so. */
    static void parameter(String param, boolean drop) {
        if (!drop) {
            throw GatewayException.badRequest("Parameter '" + Bounded.of(param) + "'" + WHY + " Remove it, or set "
                    + "gateway.drop-unsupported-params=true to have the gateway drop it.", param, "unsupported_parameter");
        }
        LOG.debug("dropping parameter '{}', which has no Chat Completions translation", Bounded.of(param));
    }
}
