package dev.camelgateway.e2e;

import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.camelgateway.resilience.ProviderInfrastructure;
import dev.camelgateway.support.FakeUpstream.Reply;
import dev.camelgateway.support.Fixtures;
import dev.camelgateway.support.GatewayTestSupport;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deployments come from configuration alone: the test configuration adds two OpenAI-compatible deployments, east and
 * west, and a model group "balanced" over them (east weight 3, west weight 1), and no file under routes/ names them.
 */
class DeploymentsFromConfigTest extends GatewayTestSupport {
    private static final String OK_JSON = Fixtures.read("openai", "chat-basic", "upstream-response.json");
    private static final String EAST = "/east/v1/chat/completions";
    private static final String WEST = "/west/v1/chat/completions";

    @Autowired
    CamelContext camel;
    @Autowired
    ProviderInfrastructure infrastructure;

    @Test
    void aSecondOpenAiCompatibleDeploymentIsOneConfigBlockWithItsOwnRoutesAndBreaker() throws IOException {
        UPSTREAM.enqueue(EAST, Reply.json(200, OK_JSON));

        var response = post("/v1/chat/completions", "application/json",
                "{\"model\":\"east/gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("x-gateway-provider")).hasValue("east");
        assertThat(UPSTREAM.received()).singleElement().satisfies(r -> assertThat(r.uri()).isEqualTo(EAST));
        assertThat(camel.getRoute("provider-east")).isNotNull();
        assertThat(camel.getRoute("attempt-east")).isNotNull();
        assertThat(infrastructure.breakers().find("east")).isPresent();
        try (Stream<Path> files = Files.list(Path.of("routes"))) {
            assertThat(files.toList()).isNotEmpty().allSatisfy(file ->
                    assertThat(Files.readString(file)).doesNotContain("east").doesNotContain("west"));
        }
    }

    @Test
    void aWeightedGroupSpreadsRequestsByWeight() {
        for (int i = 0; i < 8; i++) {
            UPSTREAM.enqueue(EAST, Reply.json(200, OK_JSON));
            UPSTREAM.enqueue(WEST, Reply.json(200, OK_JSON));
        }

        List<String> servedBy = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            servedBy.add(callBalanced());
        }

        // smooth weighted round-robin: three of every four to east, interleaved
        assertThat(servedBy).filteredOn("east"::equals).hasSize(6);
        assertThat(servedBy).filteredOn("west"::equals).hasSize(2);
        assertThat(String.join(",", servedBy)).doesNotContain("west,west").doesNotContain("east,east,east,east");
    }

    @Test
    void oneDeploymentsOpenBreakerSendsItsShareToTheOther() {
        for (int i = 0; i < 20; i++) {
            UPSTREAM.enqueue(EAST, Reply.json(500, "{\"error\":{\"message\":\"east is down\",\"type\":\"server_error\"}}"));
            UPSTREAM.enqueue(WEST, Reply.json(200, OK_JSON));
        }
        // east fails: each of its requests moves on to west within the group, until east's breaker opens
        CircuitBreaker east = infrastructure.breakers().circuitBreaker("east");
        int calls = 0;
        while (east.getState() != CircuitBreaker.State.OPEN && calls++ < 12) {
            assertThat(callBalanced()).isEqualTo("west");
        }
        assertThat(east.getState()).isEqualTo(CircuitBreaker.State.OPEN);
        long eastCallsBefore = calls(EAST);

        List<String> servedBy = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            servedBy.add(callBalanced());
        }

        assertThat(servedBy).containsOnly("west").hasSize(8);
        assertThat(calls(EAST)).as("no call goes to the deployment whose breaker is open").isEqualTo(eastCallsBefore);
    }

    /** One request for "balanced"; the deployment that answered it. */
    private static String callBalanced() {
        var response = openAi().chat().completions().withRawResponse().create(
                ChatCompletionCreateParams.builder().model("balanced").addUserMessage("hi").build());
        ChatCompletion completion = response.parse();
        assertThat(completion.choices()).isNotEmpty();
        return response.headers().values("x-gateway-provider").get(0);
    }

    private static long calls(String path) {
        return UPSTREAM.received().stream().filter(r -> r.uri().equals(path)).count();
    }
}
