package dev.camelgateway.routing;

import dev.camelgateway.api.GatewayException;
import dev.camelgateway.api.OpenAiError;
import dev.camelgateway.api.RequestContext;
import dev.camelgateway.provider.ProviderAdapters;
import dev.camelgateway.resilience.FailureRoute;
import dev.camelgateway.stream.StreamContinuation;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns the client's {@code model} into the upstream to call (design §4.2): {@code provider/model} when the
 * text before the first slash is a configured provider, otherwise an alias from {@code gateway.models}.
 * The upstream host always comes from config; the model text is checked so it cannot reshape the URL.
 */
@Component("modelResolver")
public class ModelResolver {
    /** Exchange property naming the deployment to call: the deployments route dispatches on it. */
    public static final String PROVIDER_PROPERTY = "provider";

    private final GatewayProperties properties;
    private final ProviderAdapters adapters;
    private final ModelGroups groups;

    public ModelResolver(GatewayProperties properties, ProviderAdapters adapters, ModelGroups groups) {
        this.properties = properties;
        this.adapters = adapters;
        this.groups = groups;
    }

    /**
     * Sets the chain of targets to try: a {@code provider/model}; or an alias's target (or its group's deployments, the
     * one whose turn it is first), then the alias's fallbacks.
     */
    public void resolve(Exchange exchange) {
        RequestContext context = RequestContext.of(exchange);
        String model = context.request().model();
        GatewayProperties.ModelAlias alias = isProviderModel(model) ? null : properties.getModels().get(model);
        List<Target> chain = new ArrayList<>();
        List<Target> contextChain = new ArrayList<>();
        if (alias == null) {
            chain.add(toTarget(model));
        } else {
            (alias.getGroup().isEmpty() ? List.of(alias.getTarget()) : groups.order(model)).forEach(t -> chain.add(toTarget(t)));
            alias.getFallbacks().forEach(fallback -> chain.add(toTarget(fallback)));
            alias.getContextFallbacks().forEach(fallback -> contextChain.add(toTarget(fallback)));
        }
        if (alias != null && alias.getOnStreamFailure() == GatewayProperties.OnStreamFailure.CONTINUE && context.request().stream()) {
            context.continuation(new StreamContinuation(adapters));
        }
        preferFirst(chain, context.request().preferredDeployment());
        context.chain(chain, contextChain);
        context.advance();
        exchange.setProperty(PROVIDER_PROPERTY, context.target().providerId());
    }

    /**
     * The fallback decision, after a target was called: the next target's deployment in {@value #PROVIDER_PROPERTY}
     * (the deployments route's loop calls it) after a failure that allows a fallback, before anything reached the client;
     * otherwise the property is removed and the loop ends.
     */
    public void nextTarget(Exchange exchange) {
        RequestContext context = RequestContext.of(exchange);
        StreamContinuation continuation = context.continuation();
        boolean continuing = continuation != null && continuation.continuing();
        FailureRoute route = context.failure() == null || (context.streamCommitted() && !continuing) ? FailureRoute.FINAL
                : context.failureRoute();
        boolean moved = switch (route) {
            case NEXT -> context.advance();
            case LARGER_CONTEXT -> context.advanceToLargerContext();
            case FINAL -> false;
        };
        while (moved && continuing && adapters.binding(context.target(), context.request()) != null) {
            moved = context.advance(); // a passthrough's events are its own API's: nothing of them can be spliced
        }
        if (!moved && continuing && route != FailureRoute.FINAL) {
            context.failure(continuation.breakFailure(), FailureRoute.FINAL); // the error event tells what broke the stream
        }
        if (moved) {
            exchange.setProperty(PROVIDER_PROPERTY, context.target().providerId());
        } else {
            exchange.removeProperty(PROVIDER_PROPERTY);
        }
    }

    /** The request's preferred deployment goes first when the chain has it (the rest keep their order). */
    private static void preferFirst(List<Target> chain, String deployment) {
        for (int i = 1; deployment != null && i < chain.size(); i++) {
            if (chain.get(i).providerId().equals(deployment)) {
                chain.add(0, chain.remove(i));
                return;
            }
        }
    }

    private boolean isProviderModel(String model) {
        int slash = model.indexOf('/');
        return slash > 0 && properties.getProviders().containsKey(model.substring(0, slash));
    }

    /** A {@code provider/model} (what clients send, and what aliases name: the start-up check holds them to it). */
    private Target toTarget(String model) {
        int slash = model.indexOf('/');
        if (isProviderModel(model)) {
            return toProviderTarget(model.substring(0, slash), model.substring(slash + 1), model);
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
