package dev.camelgateway.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelgateway.api.ChatRequest;
import dev.camelgateway.api.ChatRequestValidator;
import dev.camelgateway.api.GatewayException;
import dev.camelgateway.api.Json;
import dev.camelgateway.provider.anthropic.AnthropicAdapter;
import dev.camelgateway.provider.bedrock.BedrockAdapter;
import dev.camelgateway.provider.gemini.GeminiAdapter;
import dev.camelgateway.provider.mistral.MistralAdapter;
import dev.camelgateway.provider.openai.OpenAiAdapter;
import dev.camelgateway.routing.GatewayProperties;
import dev.camelgateway.routing.Target;
import dev.camelgateway.support.Fixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile JSON never crashes a mapper. Each seed request (every recorded chat {@code client-request.json} — embeddings'
 * are {@link EmbeddingsWrongTypesTest}'s —, and the
 * every-field requests of {@code src/test/resources/mutation/}) has each of its nodes in turn — every object member and
 * array element, recursively — replaced by each wrong kind of value. The validator runs, then every provider type's
 * request mapper (strict, and with {@code drop-unsupported-params}); each outcome must be a mapped request or a
 * {@link GatewayException} with a 4xx status. Anything else (ClassCastException, NullPointerException, …) fails the
 * test, naming the mutated path.
 */
class WrongTypesNeverCrashAMapperTest {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    static final Map<String, JsonNode> WRONG_KINDS = wrongKinds();
    static final Map<String, ProviderAdapter> ADAPTERS = adapters();

    static Stream<Arguments> seeds() throws IOException {
        List<Arguments> seeds = new ArrayList<>();
        for (String provider : List.of("openai", "mistral", "anthropic", "gemini", "bedrock")) {
            Fixtures.casesWith(provider, "client-request.json").filter(c -> !c.startsWith(EmbeddingsFixturesTest.PREFIX))
                    .forEach(c -> seeds.add(Arguments.of(provider + "/" + c, Fixtures.read(provider, c, "client-request.json"))));
        }
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/mutation"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                seeds.add(Arguments.of("mutation/" + file.getFileName(), Files.readString(file)));
            }
        }
        return seeds.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void everyNodeReplacedByEveryWrongKindIsMappedOrRefusedWith4xx(String seedName, String seed) throws Exception {
        JsonNode original = Json.parse(seed);
        List<List<Object>> paths = new ArrayList<>();
        collectPaths(original, new ArrayList<>(), paths);
        List<String> crashes = new ArrayList<>();
        int outcomes = 0;
        for (List<Object> path : paths) {
            for (Map.Entry<String, JsonNode> kind : WRONG_KINDS.entrySet()) {
                JsonNode mutated = replaced(original, path, kind.getValue());
                for (Map.Entry<String, ProviderAdapter> adapter : ADAPTERS.entrySet()) {
                    String failure = outcome(mutated, adapter.getKey(), adapter.getValue());
                    outcomes++;
                    if (failure != null) {
                        crashes.add(render(path) + " := " + kind.getKey() + " → " + adapter.getKey() + ": " + failure);
                    }
                }
            }
        }

        assertThat(paths).as("the seed has nodes to mutate").hasSizeGreaterThan(3);
        assertThat(outcomes).isEqualTo(paths.size() * WRONG_KINDS.size() * ADAPTERS.size());
        assertThat(crashes).as("mutations of %s that crashed instead of a 4xx", seedName).isEmpty();
    }

    /** Null when the request was mapped or refused with a 4xx; otherwise what went wrong. */
    private static String outcome(JsonNode mutated, String adapterName, ProviderAdapter adapter) {
        try {
            ChatRequest request = ChatRequestValidator.validate(mutated);
            Target target = target(adapter.type());
            adapter.toUpstreamRequest(request, target);
            adapter.newStreamMapper(request, target);
            return null;
        } catch (GatewayException e) {
            return e.status() >= 400 && e.status() < 500 ? null : "GatewayException " + e.status() + ": " + e.getMessage();
        } catch (RuntimeException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    static void collectPaths(JsonNode node, List<Object> at, List<List<Object>> paths) {
        if (node.isObject()) {
            node.fieldNames().forEachRemaining(name -> visit(node.get(name), at, name, paths));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                visit(node.get(i), at, i, paths);
            }
        }
    }

    private static void visit(JsonNode child, List<Object> at, Object step, List<List<Object>> paths) {
        List<Object> path = new ArrayList<>(at);
        path.add(step);
        paths.add(path);
        collectPaths(child, path, paths);
    }

    static JsonNode replaced(JsonNode original, List<Object> path, JsonNode value) {
        JsonNode copy = original.deepCopy();
        JsonNode parent = copy;
        for (Object step : path.subList(0, path.size() - 1)) {
            parent = step instanceof Integer i ? parent.get(i) : parent.get((String) step);
        }
        Object last = path.get(path.size() - 1);
        if (last instanceof Integer i) {
            ((ArrayNode) parent).set(i, value.deepCopy());
        } else {
            ((ObjectNode) parent).set((String) last, value.deepCopy());
        }
        return copy;
    }

    static String render(List<Object> path) {
        StringBuilder out = new StringBuilder();
        for (Object step : path) {
            out.append(step instanceof Integer ? "[" + step + "]" : (out.length() == 0 ? "" : ".") + step);
        }
        return out.toString();
    }

    private static Map<String, JsonNode> wrongKinds() {
        Map<String, JsonNode> kinds = new TreeMap<>();
        kinds.put("string", NODES.textNode("x"));
        kinds.put("integer", NODES.numberNode(7));
        kinds.put("huge integer", NODES.numberNode(new BigInteger("18446744073709551617")));
        kinds.put("decimal", NODES.numberNode(new BigDecimal("1.5")));
        kinds.put("boolean", NODES.booleanNode(true));
        kinds.put("null", NODES.nullNode());
        kinds.put("object", NODES.objectNode().put("k", "v"));
        kinds.put("array", NODES.arrayNode().add("x"));
        return kinds;
    }

    private static Map<String, ProviderAdapter> adapters() {
        GatewayProperties strict = new GatewayProperties();
        GatewayProperties drop = new GatewayProperties();
        drop.setDropUnsupportedParams(true);
        Clock clock = Clock.systemUTC();
        Map<String, ProviderAdapter> adapters = new TreeMap<>();
        adapters.put("openai", new OpenAiAdapter());
        adapters.put("mistral", new MistralAdapter(strict));
        adapters.put("mistral (drop)", new MistralAdapter(drop));
        adapters.put("anthropic", new AnthropicAdapter(strict, clock));
        adapters.put("anthropic (drop)", new AnthropicAdapter(drop, clock));
        adapters.put("gemini", new GeminiAdapter(strict, clock));
        adapters.put("gemini (drop)", new GeminiAdapter(drop, clock));
        adapters.put("bedrock", new BedrockAdapter(strict, clock));
        adapters.put("bedrock (drop)", new BedrockAdapter(drop, clock));
        return adapters;
    }

    static Target target(String type) {
        GatewayProperties.Provider config = new GatewayProperties.Provider();
        config.setType(type);
        config.setBaseUrl("http://" + type + ".test" + (type.equals("openai") || type.equals("mistral") ? "/v1" : ""));
        config.setApiKey("test-key");
        return new Target(type, config, "m");
    }
}
