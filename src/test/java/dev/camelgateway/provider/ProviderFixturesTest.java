package dev.camelgateway.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelgateway.api.ChatRequest;
import dev.camelgateway.api.ChatRequestValidator;
import dev.camelgateway.api.GatewayException;
import dev.camelgateway.api.Json;
import dev.camelgateway.provider.anthropic.AnthropicAdapter;
import dev.camelgateway.provider.azure.AzureOpenAiAdapter;
import dev.camelgateway.provider.bedrock.BedrockAdapter;
import dev.camelgateway.provider.gemini.GeminiAdapter;
import dev.camelgateway.provider.mistral.MistralAdapter;
import dev.camelgateway.provider.openai.OpenAiAdapter;
import dev.camelgateway.provider.vertex.VertexAdapter;
import dev.camelgateway.provider.vertex.VertexCredentials;
import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import dev.camelgateway.routing.GatewayProperties;
import dev.camelgateway.routing.Target;
import dev.camelgateway.support.AwsEventStreamFrames;
import dev.camelgateway.support.Fixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Every case folder {@code fixtures/<provider>/<case>/} run through that provider's adapter, with no Camel and no HTTP:
 * <ul>
 *   <li>{@code client-request.json} → {@code upstream-request.json} (exact body) and {@code upstream-url.txt};</li>
 *   <li>{@code upstream-response.json} → {@code expected-response.json} (exact);</li>
 *   <li>{@code upstream-response.sse} → {@code expected-response.sse}: exactly what the client receives, including
 *       {@code data: [DONE]} or the error event that replaces it; for a provider whose stream is not SSE (Bedrock's
 *       AWS event stream), {@code upstream-response.frames.json}, a readable list of frames encoded into that
 *       framing ({@link AwsEventStreamFrames}) and read back by the adapter's own parser;</li>
 *   <li>{@code expected-error.json}: the request is refused ({@code status}, {@code error});</li>
 *   <li>{@code upstream-error.json} → {@code expected-upstream-error.json}: an upstream error answer mapped.</li>
 * </ul>
 * Adding a case is adding a folder.
 */
class ProviderFixturesTest {
    private static final long NOW = 1730000000L;
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC);
    private static final Map<String, ProviderAdapter> ADAPTERS = adapters();

    static Stream<Arguments> cases() {
        return ADAPTERS.keySet().stream().flatMap(provider -> Stream.concat(
                        Fixtures.casesWith(provider, "client-request.json"), Fixtures.casesWith(provider, "upstream-error.json"))
                .filter(c -> !c.startsWith(EmbeddingsFixturesTest.PREFIX)) // the embeddings binding's cases
                .distinct().map(c -> Arguments.of(provider, c)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void fixtureCase(String provider, String caseName) throws Exception {
        ProviderAdapter adapter = ADAPTERS.get(provider);
        Target target = target(provider, caseName);
        boolean checked = false;
        if (exists(provider, caseName, "client-request.json")) {
            ChatRequest request = ChatRequestValidator.validate(json(provider, caseName, "client-request.json"));
            checked |= checkRequest(adapter, request, target, provider, caseName);
            checked |= checkResponse(adapter, request, target, provider, caseName);
            checked |= checkStream(adapter, request, target, provider, caseName);
            assertThat(request.body()).as("mappers never modify the client's request")
                    .isEqualTo(json(provider, caseName, "client-request.json"));
        }
        checked |= checkUpstreamError(adapter, provider, caseName);
        assertThat(checked).as("the case folder holds something to check").isTrue();
    }

    private static boolean checkRequest(ProviderAdapter adapter, ChatRequest request, Target target, String provider,
                                        String caseName) throws Exception {
        if (exists(provider, caseName, "expected-error.json")) {
            JsonNode expected = json(provider, caseName, "expected-error.json");
            GatewayException e = catchThrowableOfType(GatewayException.class, () -> {
                adapter.checkModel(target.upstreamModel());
                adapter.toUpstreamRequest(request, target);
            });
            assertThat(e).as("the request is refused").isNotNull();
            assertThat(e.status()).isEqualTo(expected.get("status").asInt());
            assertThat(e.error().toEnvelope()).isEqualTo(expected.get("body"));
            return true;
        }
        if (!exists(provider, caseName, "upstream-request.json")) {
            return false;
        }
        UpstreamRequest upstream = adapter.toUpstreamRequest(request, target);
        assertThat(Json.parse(upstream.body())).isEqualTo(json(provider, caseName, "upstream-request.json"));
        if (exists(provider, caseName, "upstream-url.txt")) {
            assertThat(upstream.url()).isEqualTo(Fixtures.read(provider, caseName, "upstream-url.txt").strip());
        }
        assertThat(String.join(",", upstream.headers().values())).contains("test-key");
        return true;
    }

    private static boolean checkResponse(ProviderAdapter adapter, ChatRequest request, Target target, String provider,
                                         String caseName) throws Exception {
        if (!exists(provider, caseName, "upstream-response.json")) {
            return false;
        }
        byte[] upstream = Fixtures.read(provider, caseName, "upstream-response.json").getBytes(StandardCharsets.UTF_8);
        if (exists(provider, caseName, "expected-response-error.json")) {
            JsonNode expected = json(provider, caseName, "expected-response-error.json");
            assertThatThrownBy(() -> adapter.toChatCompletion(upstream, request, target))
                    .isInstanceOfSatisfying(GatewayException.class, e -> {
                        assertThat(e.status()).isEqualTo(expected.get("status").asInt());
                        assertThat(e.error().toEnvelope()).isEqualTo(expected.get("body"));
                    });
            return true;
        }
        MappedResponse mapped = adapter.toChatCompletion(upstream, request, target);
        assertThat(Json.parse(mapped.body())).isEqualTo(json(provider, caseName, "expected-response.json"));
        return true;
    }

    private static boolean checkStream(ProviderAdapter adapter, ChatRequest request, Target target, String provider,
                                       String caseName) throws Exception {
        boolean frames = exists(provider, caseName, "upstream-response.frames.json");
        if (!frames && !exists(provider, caseName, "upstream-response.sse") || !exists(provider, caseName, "expected-response.sse")) {
            return false;
        }
        StreamMapper mapper = adapter.newStreamMapper(request, target);
        byte[] upstream = frames ? AwsEventStreamFrames.encode(Json.parse(Fixtures.read(provider, caseName, "upstream-response.frames.json")))
                : Fixtures.read(provider, caseName, "upstream-response.sse").getBytes(StandardCharsets.UTF_8);
        List<JsonNode> received = new ArrayList<>();
        try {
            for (var event : adapter.streamFraming().newParser().feed(upstream, 0, upstream.length)) {
                for (String chunk : mapper.toChunks(event).chunks()) {
                    received.add(Json.parse(chunk));
                }
            }
            for (String chunk : mapper.finish().chunks()) {
                received.add(Json.parse(chunk));
            }
            received.add(Json.MAPPER.getNodeFactory().textNode("[DONE]"));
        } catch (GatewayException e) {
            received.add(e.error().toEnvelope()); // the error event that ends a broken stream, without [DONE]
        }
        List<JsonNode> expected = new ArrayList<>();
        for (String data : Fixtures.ssePayloads(provider, caseName, "expected-response.sse")) {
            expected.add("[DONE]".equals(data) ? Json.MAPPER.getNodeFactory().textNode("[DONE]") : Json.parse(data));
        }
        assertThat(received).isEqualTo(expected);
        return true;
    }

    private static boolean checkUpstreamError(ProviderAdapter adapter, String provider, String caseName) throws Exception {
        if (!exists(provider, caseName, "upstream-error.json")) {
            return false;
        }
        JsonNode upstream = json(provider, caseName, "upstream-error.json");
        JsonNode expected = json(provider, caseName, "expected-upstream-error.json");
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        upstream.path("headers").fields().forEachRemaining(h -> headers.put(h.getKey(), h.getValue().asText()));
        GatewayException e = adapter.toGatewayException(provider, upstream.get("status").asInt(),
                Json.write(upstream.get("body")), headers);
        assertThat(e.status()).isEqualTo(expected.get("status").asInt());
        assertThat(e.error().toEnvelope()).isEqualTo(expected.get("body"));
        Map<String, String> expectedHeaders = new TreeMap<>();
        expected.path("headers").fields().forEachRemaining(h -> expectedHeaders.put(h.getKey(), h.getValue().asText()));
        assertThat(new TreeMap<>(e.headers())).isEqualTo(expectedHeaders);
        return true;
    }

    private static Target target(String provider, String caseName) throws Exception {
        GatewayProperties.Provider config = new GatewayProperties.Provider();
        config.setType(provider);
        config.setBaseUrl("http://" + provider + ".test" + (provider.equals("openai") || provider.equals("mistral") ? "/v1" : ""));
        config.setApiKey("test-key");
        config.getVertex().setProject("test-project");
        config.getVertex().setLocation("us-central1");
        String model = exists(provider, caseName, "client-request.json")
                ? json(provider, caseName, "client-request.json").get("model").asText() : "m";
        return new Target(provider, config, model.substring(model.indexOf('/') + 1));
    }

    private static Map<String, ProviderAdapter> adapters() {
        GatewayProperties strict = new GatewayProperties();
        VertexCredentials vertexCredentials = new VertexCredentials(); // a token the library holds as fresh
        vertexCredentials.use("vertex", GoogleCredentials.create(new AccessToken("test-key",
                java.util.Date.from(Instant.now().plusSeconds(3600)))));
        AnthropicAdapter anthropic = new AnthropicAdapter(strict, CLOCK);
        GeminiAdapter gemini = new GeminiAdapter(strict, CLOCK);
        return Map.of("openai", new OpenAiAdapter(), "mistral", new MistralAdapter(strict), "anthropic", anthropic,
                "gemini", gemini, "vertex", new VertexAdapter(strict, gemini, anthropic, vertexCredentials),
                "bedrock", new BedrockAdapter(strict, CLOCK, () -> "chatcmpl-bedrock-1"),
                "azure-openai", new AzureOpenAiAdapter());
    }

    private static boolean exists(String provider, String caseName, String file) {
        return Fixtures.casesWith(provider, file).anyMatch(caseName::equals);
    }

    private static ObjectNode json(String provider, String caseName, String file) throws Exception {
        return (ObjectNode) Json.parse(Fixtures.read(provider, caseName, file));
    }
}
