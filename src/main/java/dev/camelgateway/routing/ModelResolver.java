package dev.camelgateway.routing;

import dev.camelgateway.api.GatewayException;
import dev.camelgateway.api.OpenAiError;
import dev.camelgateway.api.RequestContext;
import dev.camelgateway.provider.ProviderAdapters;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * Turns the client's {@code model} into the upstream to call (design §4.2): {@code provider/model} when the
 * text before the first slash is a configured provider, otherwise an alias from {@code gateway.models}.
 * The upstream host always comes from config; the model text is checked so it cannot reshape the URL.
 */
@Component("modelResolver")
public class ModelResolver {
    /** Exchange property the content-based router switches on. */
    public static final String PROVIDER_PROPERTY = "provider";

    private final GatewayProperties properties;
    private final ProviderAdapters adapters;

    public ModelResolver(GatewayProperties properties, ProviderAdapters adapters) {
        this.properties = properties;
        this.adapters = adapters;
    }

    public void resolve(Exchange exchange) {
        RequestContext context = RequestContext.of(exchange);
        Target target = toTarget(context.request().model());
        context.target(target);
        exchange.setProperty(PROVIDER_PROPERTY, target.providerId());
    }

    public Target toTarget(String model) {
        int slash = model.indexOf('/');
        if (slash > 0 && properties.getProviders().containsKey(model.substring(0, slash))) {
            return toProviderTarget(model.substring(0, slash), model.substring(slash + 1), model);
        }
        GatewayProperties.ModelAlias alias = properties.getModels().get(model);
        if (alias != null) {
            return toTarget(alias.getTarget());
        }
        throw new GatewayException(404, new OpenAiError("The model '" + model + "' does not exist: use '<provider>/<model>' "
                + "with a configured provider, or an alias listed by GET /v1/models.", OpenAiError.INVALID_REQUEST, "model",
                "model_not_found"));
    }

    private Target toProviderTarget(String providerId, String upstreamModel, String requested) {
        if (upstreamModel.isEmpty()) {
            throw GatewayException.badRequest("Invalid model '" + requested + "': no model name after '" + providerId + "/'.",
                    "model", "invalid_value");
        }
        if (upstreamModel.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            throw GatewayException.badRequest("Invalid model '" + requested + "': whitespace and control characters are not "
                    + "allowed in model names.", "model", "invalid_value");
        }
        GatewayProperties.Provider provider = properties.getProviders().get(providerId);
        adapters.forType(provider.getType()).checkModel(upstreamModel);
        return new Target(providerId, provider, upstreamModel);
    }
}
