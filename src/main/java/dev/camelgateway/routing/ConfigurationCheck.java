package dev.camelgateway.routing;

import dev.camelgateway.provider.ProviderAdapters;
import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Refuses to start with a configuration that could only fail later, request by request: an unknown provider type,
 * a provider without base-url or without a route, an alias whose target or fallback names no provider.
 */
@Component
public class ConfigurationCheck implements CamelContextConfiguration {
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
            if (provider.getType() == null || !adapters.has(provider.getType())) {
                problems.add("gateway.providers." + id + ".type is '" + provider.getType() + "'; known types: " + adapters.types());
            }
            if (provider.getBaseUrl() == null || provider.getBaseUrl().isBlank()) {
                problems.add("gateway.providers." + id + ".base-url is missing");
            }
        });
        for (Map.Entry<String, GatewayProperties.ModelAlias> alias : properties.getModels().entrySet()) {
            List<String> targets = new ArrayList<>(alias.getValue().getFallbacks());
            targets.add(0, alias.getValue().getTarget());
            for (String target : targets) {
                int slash = target == null ? -1 : target.indexOf('/');
                if (slash <= 0 || !properties.getProviders().containsKey(target.substring(0, slash))) {
                    problems.add("gateway.models." + alias.getKey() + " names '" + target + "', which is not <provider>/<model> "
                            + "with a configured provider");
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
                for (String route : List.of("provider-" + id, "attempt-" + id)) {
                    if (camelContext.getRoute(route) == null) {
                        problems.add("provider '" + id + "' has no route '" + route + "': add its two templatedRoutes in "
                                + "routes/providers.camel.yaml and a branch in the choice of routes/api.camel.yaml");
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
