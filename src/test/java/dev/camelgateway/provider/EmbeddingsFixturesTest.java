package dev.camelgateway.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelgateway.api.ClientRequest;
import dev.camelgateway.api.ErrorEnvelope;
import dev.camelgateway.api.GatewayException;
import dev.camelgateway.api.Json;
import dev.camelgateway.api.embeddings.EmbeddingsApi;
import dev.camelgateway.api.embeddings.EmbeddingsValidator;
import dev.camelgateway.provider.gemini.GeminiAdapter;
import dev.camelgateway.provider.mistral.MistralAdapter;
import dev.camelgateway.provider.openai.OpenAiAdapter;
import dev.camelgateway.routing.GatewayProperties;
import dev.camelgateway.routing.Target;
import dev.camelgateway.secrets.SecretRedactor;
import dev.camelgateway.support.Fixtures;
import dev.camelgateway.usage.Usage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Every {@code fixtures/<provider>/embeddings-*} folder run through that provider type's embeddings binding, with no
 * Camel and no HTTP (ProviderFixturesTest leaves these folders to this test):
 * <ul>
 *   <li>{@code client-request.json} (validated as the reader validates it) → {@code upstream-request.json} (exact body)
 *       and {@code upstream-url.txt}, or {@code expected-error.json} (refused before any call);</li>
 *   <li>{@code upstream-response.json} → {@code expected-response.json} (exact JSON) — or, without that file, the
 *       upstream's bytes unchanged (passthrough) — and {@code expected-usage.json} (null: not reported), or
 *       {@code expected-response-error.json};</li>
 *   <li>{@code upstream-error.json} → {@code expected-upstream-error.json}.</li>
 * </ul>
 */
class EmbeddingsFixturesTest {
    static final String PREFIX = "embeddings-";
    private static final EmbeddingsApi API = new EmbeddingsApi(new ErrorEnvelope(new SecretRedactor(List.of())));
    private static final Map<String, ProviderAdapter> ADAPTERS = adapters();

    static Stream<Arguments> cases() {
        return ADAPTERS.keySet().stream().flatMap(provider -> Stream.concat(
                        Fixtures.casesWith(provider, "client-request.json"), Fixtures.casesWith(provider, "upstream-error.json"))
                .filter(c -> c.startsWith(PREFIX)).distinct().map(c -> Arguments.of(provider, c)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void fixtureCase(String provider, String caseName) throws Exception {
        ApiBinding binding = ADAPTERS.get(provider).binding(API.name());
        boolean checked = false;
        if (exists(provider, caseName, "client-request.json")) {
            ClientRequest request = request(provider, caseName);
            Target target = target(provider, request.model());
            checked |= checkRequest(ADAPTERS.get(provider), binding, request, target, provider, caseName);
            checked |= checkAnswer(binding, request, target, provider, caseName);
            assertThat(request.body()).as("mappers never modify the client's request")
                    .isEqualTo(json(provider, caseName, "client-request.json"));
        }
        checked |= checkUpstreamError(binding, provider, caseName);
        assertThat(checked).as("the case folder holds something to check").isTrue();
    }

    @Test
    void everyCaseFolderIsRun() {
        assertThat(cases()).hasSizeGreaterThanOrEqualTo(15);
    }

    private static boolean checkRequest(ProviderAdapter adapter, ApiBinding binding, ClientRequest request, Target target,
                                        String provider, String caseName) throws Exception {
        if (exists(provider, caseName, "expected-error.json")) {
            JsonNode expected = json(provider, caseName, "expected-error.json");
            GatewayException e = catchThrowableOfType(GatewayException.class, () -> {
                adapter.checkModel(target.upstreamModel());
                binding.toUpstreamRequest(request, target);
            });
            assertThat(e).as("the request is refused").isNotNull();
            assertThat(e.status()).isEqualTo(expected.get("status").asInt());
            assertThat(e.error().toEnvelope()).isEqualTo(expected.get("body"));
            return true;
        }
        if (!exists(provider, caseName, "upstream-request.json")) {
            return false;
        }
        UpstreamRequest upstream = binding.toUpstreamRequest(request, target);
        assertThat(Json.parse(upstream.body())).isEqualTo(json(provider, caseName, "upstream-request.json"));
        if (exists(provider, caseName, "upstream-url.txt")) {
            assertThat(upstream.url()).isEqualTo(Fixtures.read(provider, caseName, "upstream-url.txt").strip());
        }
        assertThat(String.join(",", upstream.headers().values())).contains("test-key");
        return true;
    }

    private static boolean checkAnswer(ApiBinding binding, ClientRequest request, Target target, String provider,
                                       String caseName) throws Exception {
        if (!exists(provider, caseName, "upstream-response.json")) {
            return false;
        }
        byte[] upstream = Fixtures.read(provider, caseName, "upstream-response.json").getBytes(StandardCharsets.UTF_8);
        if (exists(provider, caseName, "expected-response-error.json")) {
            JsonNode expected = json(provider, caseName, "expected-response-error.json");
            GatewayException e = catchThrowableOfType(GatewayException.class, () -> binding.toAnswer(upstream, request, target));
            assertThat(e).as("the answer is refused").isNotNull();
            assertThat(e.status()).isEqualTo(expected.get("status").asInt());
            assertThat(e.error().toEnvelope()).isEqualTo(expected.get("body"));
            return true;
        }
        MappedResponse mapped = binding.toAnswer(upstream, request, target);
        if (exists(provider, caseName, "expected-response.json")) {
            assertThat(Json.parse(mapped.body())).isEqualTo(json(provider, caseName, "expected-response.json"));
        } else {
            assertThat(mapped.body()).as("a passthrough answer is the upstream's bytes").isEqualTo(upstream);
        }
        if (exists(provider, caseName, "expected-usage.json")) {
            JsonNode expected = json(provider, caseName, "expected-usage.json");
            Usage usage = mapped.usage();
            assertThat(usage.promptTokens()).isEqualTo(number(expected.get("prompt_tokens")));
            assertThat(usage.completionTokens()).isEqualTo(number(expected.get("completion_tokens")));
            assertThat(usage.totalTokens()).isEqualTo(number(expected.get("total_tokens")));
        }
        return true;
    }

    private static boolean checkUpstreamError(ApiBinding binding, String provider, String caseName) throws Exception {
        if (!exists(provider, caseName, "upstream-error.json")) {
            return false;
        }
        JsonNode upstream = json(provider, caseName, "upstream-error.json");
        JsonNode expected = json(provider, caseName, "expected-upstream-error.json");
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        upstream.path("headers").fields().forEachRemaining(h -> headers.put(h.getKey(), h.getValue().asText()));
        GatewayException e = binding.toGatewayException(provider, upstream.get("status").asInt(),
                Json.write(upstream.get("body")), headers);
        assertThat(e.status()).isEqualTo(expected.get("status").asInt());
        assertThat(e.error().toEnvelope()).isEqualTo(expected.get("body"));
        return true;
    }

    private static ClientRequest request(String provider, String caseName) throws Exception {
        ObjectNode body = EmbeddingsValidator.validate(json(provider, caseName, "client-request.json").deepCopy());
        return new ClientRequest(API, body, body.get("model").asText(), false, Map.of());
    }

    private static Target target(String provider, String model) {
        GatewayProperties.Provider config = new GatewayProperties.Provider();
        config.setType(provider);
        config.setBaseUrl("http://" + provider + ".test" + (provider.equals("gemini") ? "" : "/v1"));
        config.setApiKey("test-key");
        return new Target(provider, config, model.substring(model.indexOf('/') + 1));
    }

    private static Map<String, ProviderAdapter> adapters() {
        GatewayProperties strict = new GatewayProperties();
        return Map.of("openai", new OpenAiAdapter(), "mistral", new MistralAdapter(strict),
                "gemini", new GeminiAdapter(strict, Clock.systemUTC()));
    }

    private static Long number(JsonNode node) {
        return node == null || node.isNull() ? null : node.asLong();
    }

    private static boolean exists(String provider, String caseName, String file) {
        return Fixtures.casesWith(provider, file).anyMatch(caseName::equals);
    }

    private static ObjectNode json(String provider, String caseName, String file) throws Exception {
        return (ObjectNode) Json.parse(Fixtures.read(provider, caseName, file));
    }
}
