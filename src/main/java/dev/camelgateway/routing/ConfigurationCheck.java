package dev.camelgateway.routing;

import dev.camelgateway.provider.ProviderAdapters;
import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Refuses to start with a configuration that could only fail later, request by request: an unknown provider type,
 * a deployment without base-url or without its routes, an alias whose target, group or fallback names no deployment.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE) // before ProviderInfrastructure builds components from what it checks
public class ConfigurationCheck implements CamelContextConfiguration {
    private static final Pattern DEPLOYMENT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,63}");
    private final GatewayProperties properties;
    private final ProviderAdapters adapters;

    public ConfigurationCheck(GatewayProperties properties, ProviderAdapters adapters) {
        this.properties = properties;
        this.adapters = adapters;
    }

    @Override
    public void beforeApplicationStart(CamelContext camelContext) {
        List<String> problems = new ArrayList<>();
        properties.getProviders().forEach((id, provider) -> {
            if (!DEPLOYMENT_ID.matcher(id).matches()) {
                problems.add("gateway.providers." + id + ": a deployment id is 1 to 64 letters, digits and '-' (it names "
                        + "routes, a breaker and ledger rows)");
            } else if (id.endsWith("-whole")) {
                problems.add("gateway.providers." + id + ": a deployment id may not end in '-whole' (deployment '"
                        + id.substring(0, id.length() - 6) + "' names its whole-answer HTTP component so)");
            }
            if (provider.getType() == null || !adapters.has(provider.getType())) {
                problems.add("gateway.providers." + id + ".type is '" + provider.getType() + "'; known types: " + adapters.types());
            } else {
                adapters.forType(provider.getType()).configure(id, provider, problems);
            }
            if (provider.getBaseUrl() == null || provider.getBaseUrl().isBlank()) {
                problems.add("gateway.providers." + id + ".base-url is missing");
            }
        });
        for (Map.Entry<String, GatewayProperties.ModelAlias> entry : properties.getModels().entrySet()) {
            String key = "gateway.models." + entry.getKey();
            GatewayProperties.ModelAlias alias = entry.getValue();
            if ((alias.getTarget() == null) == alias.getGroup().isEmpty()) {
                problems.add(key + " needs either a target or a group of deployments (not both)");
            }
            alias.getGroup().stream().filter(member -> member.getWeight() < 1).forEach(member ->
                    problems.add(key + ".group: weight " + member.getWeight() + " of '" + member.getTarget()
                            + "' must be at least 1"));
            List<String> targets = new ArrayList<>(alias.targets());
            targets.addAll(alias.getFallbacks());
            targets.addAll(alias.getContextFallbacks());
            for (String target : targets) {
                int slash = target == null ? -1 : target.indexOf('/');
                if (slash <= 0 || !properties.getProviders().containsKey(target.substring(0, slash))) {
                    problems.add(key + " names '" + target + "', which is not <provider>/<model> with a configured provider");
                }
            }
        }
        fail(problems);
    }

    @Override
    public void afterApplicationStart(CamelContext camelContext) {
        // the route check runs in providerRoutesCheck: an exception here would only be logged
    }

    /** Runs once the routes are loaded (Spring calls runners after the context, and Camel, started). */
    @Bean
    ApplicationRunner providerRoutesCheck(CamelContext camelContext) {
        return args -> {
            List<String> problems = new ArrayList<>();
            for (String id : properties.getProviders().keySet()) {
                for (String route : List.of(DeploymentRoutes.policyRoute(id), DeploymentRoutes.attemptRoute(id))) {
                    if (camelContext.getRoute(route) == null) {
                        problems.add("deployment '" + id + "' has no route '" + route + "': routes/providers.camel.yaml must "
                                + "keep its route templates 'provider' and 'provider-attempt' (DeploymentRoutes stamps them)");
                    }
                }
            }
            fail(problems);
        };
    }

    /** Stops the start with every problem named (also used by the start-up checks of other packages). */
    public static void fail(List<String> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidConfigurationException("Invalid gateway configuration:\n  - " + String.join("\n  - ", problems));
        }
    }
}
