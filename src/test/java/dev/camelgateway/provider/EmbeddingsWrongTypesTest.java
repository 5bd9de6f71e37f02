package dev.camelgateway.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelgateway.api.ClientRequest;
import dev.camelgateway.api.ErrorEnvelope;
import dev.camelgateway.api.GatewayException;
import dev.camelgateway.api.Json;
import dev.camelgateway.api.embeddings.EmbeddingsApi;
import dev.camelgateway.api.embeddings.EmbeddingsValidator;
import dev.camelgateway.secrets.SecretRedactor;
import dev.camelgateway.support.Fixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static dev.camelgateway.provider.WrongTypesNeverCrashAMapperTest.ADAPTERS;
import static dev.camelgateway.provider.WrongTypesNeverCrashAMapperTest.WRONG_KINDS;
import static dev.camelgateway.provider.WrongTypesNeverCrashAMapperTest.collectPaths;
import static dev.camelgateway.provider.WrongTypesNeverCrashAMapperTest.render;
import static dev.camelgateway.provider.WrongTypesNeverCrashAMapperTest.replaced;
import static dev.camelgateway.provider.WrongTypesNeverCrashAMapperTest.target;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link WrongTypesNeverCrashAMapperTest}'s mutations for embeddings, both ways. Requests (every
 * {@code embeddings-*} {@code client-request.json} and {@code mutation/embeddings/}): the validator, the prompt count,
 * then every provider type's embeddings binding (strict and dropping) must map the request or refuse it with a 4xx.
 * Upstream answers (every {@code embeddings-*} {@code upstream-response.json}): the binding must answer or fail with a
 * {@link GatewayException} (an upstream protocol error), never crash.
 */
class EmbeddingsWrongTypesTest {
    private static final EmbeddingsApi API = new EmbeddingsApi(new ErrorEnvelope(new SecretRedactor(List.of())));

    static Stream<Arguments> requests() throws Exception {
        List<Arguments> seeds = new ArrayList<>();
        for (String provider : List.of("openai", "mistral", "gemini")) {
            Fixtures.casesWith(provider, "client-request.json").filter(c -> c.startsWith(EmbeddingsFixturesTest.PREFIX))
                    .forEach(c -> seeds.add(Arguments.of(provider + "/" + c, Fixtures.read(provider, c, "client-request.json"))));
        }
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/mutation/embeddings"))) {
            for (Path file : files.sorted().toList()) {
                seeds.add(Arguments.of("mutation/embeddings/" + file.getFileName(), Files.readString(file)));
            }
        }
        return seeds.stream();
    }

    static Stream<Arguments> answers() {
        return Stream.of("openai", "mistral", "gemini").flatMap(provider -> Fixtures.casesWith(provider, "upstream-response.json")
                .filter(c -> c.startsWith(EmbeddingsFixturesTest.PREFIX))
                .filter(c -> Json.objectOrNull(Fixtures.read(provider, c, "upstream-response.json")) != null) // JSON to mutate
                .map(c -> Arguments.of(provider, c)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requests")
    void everyWrongKindInARequestIsMappedOrRefusedWith4xx(String seedName, String seed) throws Exception {
        List<String> crashes = new ArrayList<>();
        JsonNode original = Json.parse(seed);
        for (List<Object> path : paths(original)) {
            for (Map.Entry<String, JsonNode> kind : WRONG_KINDS.entrySet()) {
                JsonNode mutated = replaced(original, path, kind.getValue());
                for (Map.Entry<String, ProviderAdapter> adapter : ADAPTERS.entrySet()) {
                    String failure = requestOutcome(mutated, adapter.getValue());
                    if (failure != null) {
                        crashes.add(render(path) + " := " + kind.getKey() + " → " + adapter.getKey() + ": " + failure);
                    }
                }
            }
        }
        assertThat(crashes).as("mutations of %s that crashed instead of a 4xx", seedName).isEmpty();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("answers")
    void everyWrongKindInAnAnswerIsMappedOrAnUpstreamError(String provider, String caseName) throws Exception {
        ObjectNode body = EmbeddingsValidator.validate(Json.parse(Fixtures.read(provider, caseName, "client-request.json")));
        ClientRequest request = new ClientRequest(API, body, "m", false, Map.of());
        ApiBinding binding = ADAPTERS.get(provider).binding(API.name());
        JsonNode original = Json.parse(Fixtures.read(provider, caseName, "upstream-response.json"));
        List<String> crashes = new ArrayList<>();
        List<List<Object>> paths = paths(original);
        for (List<Object> path : paths) {
            for (Map.Entry<String, JsonNode> kind : WRONG_KINDS.entrySet()) {
                byte[] answer = Json.write(replaced(original, path, kind.getValue())).getBytes(StandardCharsets.UTF_8);
                try {
                    binding.toAnswer(answer, request, target(provider));
                } catch (GatewayException expected) {
                    // an upstream protocol error: the attempt fails and the client gets a 502
                } catch (RuntimeException e) {
                    crashes.add(render(path) + " := " + kind.getKey() + ": " + e);
                }
            }
        }
        assertThat(paths).as("the answer has nodes to mutate").isNotEmpty();
        assertThat(crashes).as("mutations of %s/%s's answer that crashed", provider, caseName).isEmpty();
    }

    /** Null when the request was mapped or refused with a 4xx; otherwise what went wrong. */
    private static String requestOutcome(JsonNode mutated, ProviderAdapter adapter) {
        try {
            ObjectNode body = EmbeddingsValidator.validate(mutated);
            ClientRequest request = new ClientRequest(API, body, body.get("model").asText(), false, Map.of());
            request.promptTokens();
            ApiBinding binding = adapter.binding(API.name());
            if (binding != null) {
                binding.toUpstreamRequest(request, target(adapter.type()));
            }
            return null;
        } catch (GatewayException e) {
            return e.status() >= 400 && e.status() < 500 ? null : "GatewayException " + e.status() + ": " + e.getMessage();
        } catch (RuntimeException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    private static List<List<Object>> paths(JsonNode original) {
        List<List<Object>> paths = new ArrayList<>();
        collectPaths(original, new ArrayList<>(), paths);
        return paths;
    }
}
