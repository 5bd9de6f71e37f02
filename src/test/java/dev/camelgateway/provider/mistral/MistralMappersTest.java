package dev.camelgateway.provider.mistral;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelgateway.api.ChatRequest;
import dev.camelgateway.api.ChatRequestValidator;
import dev.camelgateway.api.GatewayException;
import dev.camelgateway.api.Json;
import dev.camelgateway.provider.StreamOutput;
import dev.camelgateway.provider.UnsupportedParameters;
import dev.camelgateway.provider.UpstreamRequest;
import dev.camelgateway.routing.GatewayProperties;
import dev.camelgateway.routing.Target;
import dev.camelgateway.stream.SseEvent;
import dev.camelgateway.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Mistral specifics beyond the generic fixture walk ({@code ProviderFixturesTest}): id rewriting, the unsupported-
 * parameter policy, and usage moved out of the finish chunk with and without {@code include_usage}.
 */
class MistralMappersTest {
    private static final Target TARGET = target();

    static Stream<String> streamCases() {
        return Fixtures.casesWith("mistral", "expected-include-usage.sse");
    }

    @Test
    void rewrittenToolCallIdsAreNineAlphanumericsAndStable() {
        String id = MistralToolCallIds.toMistralId("call_abc123xyz789");
        assertThat(id).matches("[a-zA-Z0-9]{9}").isEqualTo(MistralToolCallIds.toMistralId("call_abc123xyz789"));
        assertThat(MistralToolCallIds.toMistralId("toolu_01A09q90qw90lq917835lq9")).matches("[a-zA-Z0-9]{9}").isNotEqualTo(id);
        assertThat(MistralToolCallIds.toMistralId("K3f9QzA1b")).isEqualTo("K3f9QzA1b");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"service_tier | \"auto\"", "logit_bias | {\"1\":2}", "logprobs | true",
            "metadata | {\"a\":\"b\"}", "store | true"})
    void unsupportedParameterIsA400NamingItAndTheProvider(String param, String value) throws Exception {
        ChatRequest request = request("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"" + param
                + "\":" + value + "}");

        assertThatThrownBy(() -> MistralRequestMapper.toUpstreamRequest(request, TARGET, new UnsupportedParameters("mistral", false)))
                .isInstanceOfSatisfying(GatewayException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.error().code()).isEqualTo("unsupported_parameter");
                    assertThat(e.error().param()).isEqualTo(param);
                    assertThat(e.getMessage()).contains("'" + param + "'", "'mistral'", "gateway.drop-unsupported-params");
                });
        UpstreamRequest dropped = MistralRequestMapper.toUpstreamRequest(request, TARGET, new UnsupportedParameters("mistral", true));
        assertThat(Json.parse(dropped.body()).has(param)).isFalse();
    }

    @ParameterizedTest
    @MethodSource("streamCases")
    void streamMovesUsageIntoASeparateChunkOnlyWhenAsked(String caseName) throws Exception {
        assertThat(mapStream(caseName, true)).isEqualTo(expected(caseName, "expected-include-usage.sse"));
        assertThat(mapStream(caseName, false)).isEqualTo(expected(caseName, "expected-no-usage.sse"));
    }

    @Test
    void streamWithoutDoneIsInterruptedNotComplete() {
        MistralStreamMapper mapper = new MistralStreamMapper(true);
        mapper.toChunks(new SseEvent(null, Fixtures.ssePayloads("mistral", "chat-streaming-usage", "upstream-response.sse").get(0)));
        assertThatThrownBy(mapper::finish).isInstanceOfSatisfying(GatewayException.class,
                e -> assertThat(e.error().code()).isEqualTo("stream_interrupted"));
    }

    @Test
    void finishReasonErrorIsAnErrorNotAStop() {
        MistralStreamMapper mapper = new MistralStreamMapper(false);
        String chunk = "{\"id\":\"x\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\",\"choices\":[{\"index\":0,"
                + "\"delta\":{\"content\":\"a\"},\"finish_reason\":\"error\"}]}";
        assertThatThrownBy(() -> mapper.toChunks(new SseEvent(null, chunk))).isInstanceOf(GatewayException.class)
                .hasMessageContaining("finish_reason 'error'");
    }

    private static List<Object> mapStream(String caseName, boolean includeUsage) throws Exception {
        MistralStreamMapper mapper = new MistralStreamMapper(includeUsage);
        List<String> chunks = new ArrayList<>();
        for (String data : Fixtures.ssePayloads("mistral", caseName, "upstream-response.sse")) {
            chunks.addAll(mapper.toChunks(new SseEvent(null, data)).chunks());
        }
        StreamOutput end = mapper.finish();
        chunks.addAll(end.chunks());
        List<Object> parsed = new ArrayList<>();
        for (String c : chunks) {
            parsed.add(Json.parse(c));
        }
        return parsed;
    }

    private static List<Object> expected(String caseName, String file) throws Exception {
        List<Object> parsed = new ArrayList<>();
        for (String c : Fixtures.ssePayloads("mistral", caseName, file)) {
            parsed.add(Json.parse(c));
        }
        return parsed;
    }

    private static ChatRequest request(String json) throws Exception {
        return ChatRequestValidator.validate((ObjectNode) Json.parse(json));
    }

    private static Target target() {
        GatewayProperties.Provider provider = new GatewayProperties.Provider();
        provider.setType("mistral");
        provider.setBaseUrl("http://mistral.test/v1");
        provider.setApiKey("mk");
        return new Target("mistral", provider, "mistral-large-latest");
    }
}
