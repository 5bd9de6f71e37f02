package dev.camelgateway.e2e;

import dev.camelgateway.support.GatewayTestSupport;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.model.Model;
import org.apache.camel.spi.Resource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** The flow that runs is the one in routes/*.yaml: loaded from there, and no Java DSL copy of it exists. */
class RoutesFromYamlTest extends GatewayTestSupport {
    @Autowired
    CamelContext camel;
    @Autowired
    ApplicationContext spring;

    @Test
    void everyRouteComesFromTheRoutesFolder() {
        Model model = camel.getCamelContextExtension().getContextPlugin(Model.class);
        Map<String, String> sources = new TreeMap<>();
        for (Route route : camel.getRoutes()) {
            boolean templated = Boolean.parseBoolean(String.valueOf(route.getProperties().get(Route.TEMPLATE_PROPERTY)));
            Resource resource = templated ? model.getRouteTemplateDefinition(route.getRouteId().startsWith("attempt-")
                    ? "provider-attempt" : "provider").getResource() : route.getSourceResource();
            if (templated) {
                assertThat(route.getRouteId()).matches("(provider|attempt)-.*");
            }
            sources.put(route.getRouteId(), resource == null ? "<java>" : resource.getLocation());
        }

        assertThat(sources).containsKeys("chat-completions", "chat-completions-unversioned", "chat", "models", "usage",
                "provider-openai", "provider-anthropic", "provider-gemini", "provider-mistral", "provider-ollama", "provider-demo");
        assertThat(sources.values()).allSatisfy(location -> assertThat(location).startsWith("file:routes/").endsWith(".yaml"));
        assertThat(spring.getBeansOfType(RoutesBuilder.class)).as("no Java DSL routes").isEmpty();
    }

    @Test
    void eachProviderRouteHasItsOwnCircuitBreaker() {
        long breakers = camel.getRoutes().stream().filter(r -> r.getRouteId().startsWith("attempt-"))
                .filter(r -> r.filter("*").stream().anyMatch(p -> p.getClass().getSimpleName().contains("Resilience"))).count();
        assertThat(breakers).isEqualTo(15); // the six shipped deployments and the nine the test configuration adds
    }

    @Test
    void theRetryWaitAndTheFallbackDecisionAreStepsOfTheRoutesNotSideEffectsOfALoopCondition() {
        Model model = camel.getCamelContextExtension().getContextPlugin(Model.class);
        for (String routeId : java.util.List.of("deployments", "provider-ollama")) {
            var loops = org.apache.camel.model.ProcessorDefinitionHelper.filterTypeInOutputs(
                    model.getRouteDefinition(routeId).getOutputs(), org.apache.camel.model.LoopDefinition.class);
            assertThat(loops).singleElement().satisfies(loop -> {
                assertThat(loop.getExpression().getLanguage()).as(routeId + ": a plain property check").isEqualTo("simple");
                assertThat(loop.getExpression().getExpression()).contains("exchangeProperty").contains("!= null");
            });
        }
        assertThat(org.apache.camel.model.ProcessorDefinitionHelper.filterTypeInOutputs(
                model.getRouteDefinition("provider-ollama").getOutputs(), org.apache.camel.model.DelayDefinition.class))
                .as("the retry wait").hasSize(1);
    }
}
