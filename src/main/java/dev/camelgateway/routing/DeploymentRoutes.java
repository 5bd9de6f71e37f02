package dev.camelgateway.routing;

import org.apache.camel.spi.RouteTemplateParameterSource;
import org.springframework.stereotype.Component;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The provider routes of every deployment under {@code gateway.providers}, stamped from the two route templates of
 * {@code routes/providers.camel.yaml} when Camel starts: {@code provider-<id>} (the retry policy, template
 * {@value #POLICY}) and {@code attempt-<id>} (one call in the deployment's circuit breaker, template {@value #ATTEMPT}).
 * Camel looks this bean up by its type; a deployment is added by configuration alone.
 */
@Component
public class DeploymentRoutes implements RouteTemplateParameterSource {
    static final String POLICY = "provider";
    static final String ATTEMPT = "provider-attempt";
    private final GatewayProperties properties;

    public DeploymentRoutes(GatewayProperties properties) {
        this.properties = properties;
    }

    @Override
    public Set<String> routeIds() {
        Set<String> ids = new LinkedHashSet<>();
        for (String deployment : properties.getProviders().keySet()) {
            ids.add(policyRoute(deployment));
            ids.add(attemptRoute(deployment));
        }
        return ids;
    }

    @Override
    public Map<String, Object> parameters(String routeId) {
        String template = routeId.startsWith("attempt-") ? ATTEMPT : POLICY;
        String deployment = routeId.substring(routeId.indexOf('-') + 1);
        return Map.of(TEMPLATE_ID, template, "providerId", deployment);
    }

    public static String policyRoute(String deployment) {
        return "provider-" + deployment;
    }

    public static String attemptRoute(String deployment) {
        return "attempt-" + deployment;
    }
}
