package dev.camelgateway.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.openai.core.http.HttpResponseFor;
import com.openai.errors.BadRequestException;
import com.openai.models.embeddings.CreateEmbeddingResponse;
import com.openai.models.embeddings.Embedding;
import com.openai.models.embeddings.EmbeddingCreateParams;
import com.openai.models.embeddings.EmbeddingCreateParams.EncodingFormat;
import dev.camelgateway.api.Json;
import dev.camelgateway.support.FakeUpstream.Received;
import dev.camelgateway.support.FakeUpstream.Reply;
import dev.camelgateway.support.Fixtures;
import dev.camelgateway.support.GatewayTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code POST /v1/embeddings} with the official OpenAI Java SDK ({@code embeddings().create}) as the client, against
 * fake upstreams speaking each provider's own embeddings API (the fixtures' recorded shapes): OpenAI-type passthrough,
 * Mistral's {@code /embeddings}, Gemini's {@code batchEmbedContents}; floats and base64 (which the SDK decodes); one
 * ledger row per attempt with api {@code embeddings}.
 */
class EmbeddingsEndToEndTest extends GatewayTestSupport {
    private static final String OPENAI_EMBEDDINGS = "/openai/v1/embeddings";
    private static final String MISTRAL_EMBEDDINGS = "/mistral/v1/embeddings";
    private static final String GEMINI_EMBEDDINGS = "/gemini/v1beta/models/gemini-embedding-001:batchEmbedContents";
    /** The fixtures' vectors (exact float32 values, so that base64 round-trips them exactly). */
    private static final List<Float> V1 = List.of(-0.016632080078125f, 0.0701904296875f, 0.03143310546875f,
            0.01309967041015625f, 0.0202789306640625f);
    private static final List<Float> V2 = List.of(-0.0230560302734375f, 0.039337158203125f, 0.0521240234375f,
            -0.0184783935546875f, 0.034271240234375f);

    @Test
    void anOpenAiTypeDeploymentGetsTheRequestAsSentAndItsAnswerGoesBackUnchanged() throws Exception {
        UPSTREAM.enqueue(OPENAI_EMBEDDINGS, Reply.json(200, Fixtures.read("openai", "embeddings-basic", "upstream-response.json")));

        Embedded embedded = embed(EmbeddingCreateParams.builder().model("openai/text-embedding-3-small")
                .input("The food was delicious and the waiter was kind.").encodingFormat(EncodingFormat.FLOAT)
                .dimensions(5).user("user-1234").build());

        assertThat(embedded.answer().data()).extracting(Embedding::embedding).containsExactly(V1);
        assertThat(embedded.answer().usage().promptTokens()).isEqualTo(10);
        Received upstream = UPSTREAM.lastRequest();
        assertThat(Json.parse(upstream.body())).isEqualTo(Json.parse("{\"model\":\"text-embedding-3-small\",\"input\":"
                + "\"The food was delicious and the waiter was kind.\",\"encoding_format\":\"float\",\"dimensions\":5,"
                + "\"user\":\"user-1234\"}"));
        assertThat(upstream.headers().get("Authorization")).isEqualTo("Bearer " + OPENAI_KEY);
        assertRow(embedded.requestId(), "openai", 10, "PROVIDER");
    }

    @Test
    void anOpenAiTypeDeploymentsBase64AnswerForTokenIdsIsDecodedByTheSdk() throws Exception {
        UPSTREAM.enqueue(OPENAI_EMBEDDINGS, Reply.json(200,
                Fixtures.read("openai", "embeddings-base64-token-ids", "upstream-response.json")));

        Embedded embedded = embed(EmbeddingCreateParams.builder().model("openai/text-embedding-3-small")
                .inputOfArrayOfTokenArrays(List.of(List.of(9906L, 1917L), List.of(5159L)))
                .encodingFormat(EncodingFormat.BASE64).build());

        assertThat(embedded.answer().data()).extracting(Embedding::embedding).containsExactly(V1, V2);
        assertThat(embedded.answer().data().get(0).embeddingValue().isBase64()).isTrue();
        assertThat(Json.parse(UPSTREAM.lastRequest().body()).get("input").toString()).isEqualTo("[[9906,1917],[5159]]");
        assertRow(embedded.requestId(), "openai", 3, "PROVIDER");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"float", "base64"})
    void mistralGetsItsOwnFieldsAndAnswersInOpenAisShape(String format) throws Exception {
        UPSTREAM.enqueue(MISTRAL_EMBEDDINGS, Reply.json(200, Fixtures.read("mistral", "embeddings-basic", "upstream-response.json")));

        Embedded embedded = embed(EmbeddingCreateParams.builder().model("mistral/codestral-embed")
                .inputOfArrayOfStrings(List.of("Embed this sentence.", "As well as this one.")).dimensions(5)
                .encodingFormat(EncodingFormat.of(format)).build());

        assertThat(embedded.answer().data()).extracting(Embedding::embedding).containsExactly(V1, V2);
        assertThat(embedded.answer().data().get(0).embeddingValue().isBase64()).isEqualTo(format.equals("base64"));
        assertThat(embedded.answer().model()).isEqualTo("codestral-embed");
        assertThat(embedded.answer().usage().promptTokens()).isEqualTo(15);
        Received upstream = UPSTREAM.lastRequest();
        assertThat(upstream.uri()).isEqualTo(MISTRAL_EMBEDDINGS);
        assertThat(Json.parse(upstream.body())).as("floats asked for: the gateway encodes base64 itself").isEqualTo(Json.parse(
                "{\"model\":\"codestral-embed\",\"input\":[\"Embed this sentence.\",\"As well as this one.\"],\"output_dimension\":5}"));
        assertThat(upstream.headers().get("Authorization")).isEqualTo("Bearer " + MISTRAL_KEY);
        assertRow(embedded.requestId(), "mistral", 15, "PROVIDER");
    }

    /** Gemini reports no usage: the answer says the gateway's count (jtokkit: 7 + 6) and the row is marked estimated. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"float", "base64"})
    void geminiGetsABatchEmbedContentsRequestAndItsRowIsEstimated(String format) throws Exception {
        UPSTREAM.enqueue(GEMINI_EMBEDDINGS, Reply.json(200, Fixtures.read("gemini", "embeddings-basic", "upstream-response.json")));

        Embedded embedded = embed(EmbeddingCreateParams.builder().model("gemini/gemini-embedding-001")
                .inputOfArrayOfStrings(List.of("What is the meaning of life?", "How does the brain work?")).dimensions(5)
                .encodingFormat(EncodingFormat.of(format)).build());

        assertThat(embedded.answer().data()).extracting(Embedding::embedding).containsExactly(V1, V2);
        assertThat(embedded.answer().data()).extracting(Embedding::index).containsExactly(0L, 1L);
        assertThat(embedded.answer().usage().promptTokens()).isEqualTo(13);
        Received upstream = UPSTREAM.lastRequest();
        assertThat(upstream.uri()).isEqualTo(GEMINI_EMBEDDINGS);
        assertThat(upstream.headers().get("x-goog-api-key")).isEqualTo(GEMINI_KEY);
        assertThat(Json.parse(upstream.body())).isEqualTo(Json.parse(
                Fixtures.read("gemini", "embeddings-basic", "upstream-request.json")));
        assertRow(embedded.requestId(), "gemini", 13, "ESTIMATED");
    }

    /** Extract before retry: the failed attempt has its row too; the client sees only the answer. */
    @Test
    void aFailedAttemptIsRetriedAndEachAttemptHasItsRow() throws Exception {
        UPSTREAM.enqueue("/ollama/v1/embeddings", Reply.json(503, "{\"error\":{\"message\":\"loading model\"}}"));
        UPSTREAM.enqueue("/ollama/v1/embeddings", Reply.json(200, Fixtures.read("openai", "embeddings-no-usage", "upstream-response.json")));

        HttpResponse<String> response = post("/v1/embeddings", "application/json",
                "{\"model\":\"ollama/nomic-embed-text\",\"input\":[\"hello world\"]}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("x-gateway-attempts")).hasValue("2");
        JsonNode attempts = rows(response.headers().firstValue("x-request-id").orElseThrow(), 2);
        assertThat(attempts.get(0).get("status").asText()).isEqualTo("FAILED");
        assertThat(attempts.get(0).get("http_status").asInt()).isEqualTo(503);
        assertThat(attempts.get(1).get("status").asText()).isEqualTo("COMPLETE");
        assertThat(attempts.get(1).get("prompt_tokens").asLong()).as("no usage reported: counted").isEqualTo(2);
        assertThat(attempts.get(1).get("usage_source").asText()).isEqualTo("ESTIMATED");
        assertThat(attempts).allSatisfy(row -> assertThat(row.get("api").asText()).isEqualTo("embeddings"));
    }

    @Test
    void anUpstreamRefusalReachesTheClientAsForChat() throws Exception {
        UPSTREAM.enqueue(GEMINI_EMBEDDINGS, Reply.json(400, Json.parse(Fixtures.read("gemini", "embeddings-too-many-400",
                "upstream-error.json")).get("body").toString()));

        assertThatThrownBy(() -> openAi().embeddings().create(EmbeddingCreateParams.builder()
                .model("gemini/gemini-embedding-001").input("hi").build()))
                .isInstanceOfSatisfying(BadRequestException.class, e -> {
                    assertThat(e.getMessage()).contains("gemini: * BatchEmbedContentsRequest.requests: at most 100");
                    assertThat(e.code()).hasValue("INVALID_ARGUMENT");
                    assertThat(e.headers().values("x-should-retry")).containsExactly("false");
                });
    }

    @Test
    void aDeploymentWithoutAnEmbeddingsApiIsA400NamingItAndItsType() {
        assertThatThrownBy(() -> openAi().embeddings().create(EmbeddingCreateParams.builder()
                .model("anthropic/claude-sonnet-4-5").input("hi").build()))
                .isInstanceOfSatisfying(BadRequestException.class, e -> {
                    assertThat(e.code()).hasValue("unsupported_api");
                    assertThat(e.param()).hasValue("model");
                    assertThat(e.getMessage()).contains("'anthropic' (type anthropic)", "no embeddings API");
                });
        assertThat(UPSTREAM.received()).isEmpty();
    }

    @Test
    void tokenIdsForAProviderThatEmbedsTextOnlyAreA400BeforeAnyCall() {
        assertThatThrownBy(() -> openAi().embeddings().create(EmbeddingCreateParams.builder()
                .model("gemini/gemini-embedding-001").inputOfArrayOfTokens(List.of(9906L, 1917L)).build()))
                .isInstanceOfSatisfying(BadRequestException.class, e -> {
                    assertThat(e.param()).hasValue("input");
                    assertThat(e.getMessage()).contains("'gemini' embeds text only");
                });
        assertThat(UPSTREAM.received()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "input|{\"model\":\"openai/text-embedding-3-small\",\"input\":[]}",
            "input[1]|{\"model\":\"openai/text-embedding-3-small\",\"input\":[\"a\",{}]}",
            "encoding_format|{\"model\":\"openai/text-embedding-3-small\",\"input\":\"a\",\"encoding_format\":\"int8\"}",
            "dimensions|{\"model\":\"openai/text-embedding-3-small\",\"input\":\"a\",\"dimensions\":-1}",
            "model|{\"input\":\"a\"}"})
    void aWrongFieldIsA400InOpenAisEnvelopeNamingIt(String paramAndBody) throws Exception {
        String param = paramAndBody.substring(0, paramAndBody.indexOf('|'));
        HttpResponse<String> response = post("/v1/embeddings", "application/json",
                paramAndBody.substring(paramAndBody.indexOf('|') + 1));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode error = Json.parse(response.body()).get("error");
        assertThat(error.get("param").asText()).isEqualTo(param);
        assertThat(error.get("type").asText()).isEqualTo("invalid_request_error");
        assertThat(response.headers().firstValue("x-request-id")).isPresent();
        assertThat(UPSTREAM.received()).isEmpty();
    }

    @Test
    void aMissingKeyAndAWrongMethodAnswerInOpenAisEnvelope() throws Exception {
        HttpResponse<String> unauthorized = send(HttpRequest.newBuilder(URI.create(gatewayUrl("/v1/embeddings")))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build());
        assertThat(unauthorized.statusCode()).isEqualTo(401);
        assertThat(Json.parse(unauthorized.body()).get("error").get("code").asText()).isEqualTo("invalid_api_key");

        HttpResponse<String> get = send(keyed(HttpRequest.newBuilder(URI.create(gatewayUrl("/v1/embeddings")))).GET().build());
        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(get.headers().firstValue("Allow")).hasValue("POST");
    }

    private record Embedded(CreateEmbeddingResponse answer, String requestId) {
    }

    private static Embedded embed(EmbeddingCreateParams params) {
        HttpResponseFor<CreateEmbeddingResponse> response = openAi().embeddings().withRawResponse().create(params);
        assertThat(response.statusCode()).isEqualTo(200);
        return new Embedded(response.parse(), response.headers().values("x-request-id").get(0));
    }

    /** The request's one ledger row. */
    private static void assertRow(String requestId, String provider, long promptTokens, String usageSource) throws Exception {
        JsonNode row = rows(requestId, 1).get(0);
        assertThat(row.get("api").asText()).isEqualTo("embeddings");
        assertThat(row.get("provider").asText()).isEqualTo(provider);
        assertThat(row.get("status").asText()).isEqualTo("COMPLETE");
        assertThat(row.get("stream").asBoolean()).isFalse();
        assertThat(row.get("prompt_tokens").asLong()).isEqualTo(promptTokens);
        assertThat(row.get("completion_tokens").asLong()).isZero();
        assertThat(row.get("total_tokens").asLong()).isEqualTo(promptTokens);
        assertThat(row.get("usage_source").asText()).isEqualTo(usageSource);
    }

    /** The request's ledger rows as operators read them ({@code GET /admin/usage/{id}}), once all are written. */
    private static JsonNode rows(String requestId, int expected) throws Exception {
        JsonNode attempts = Json.object().putArray("none");
        for (int i = 0; i < 100 && attempts.size() < expected; i++) {
            Thread.sleep(i == 0 ? 0 : 50); // rows are written a moment after the answer
            HttpResponse<String> usage = send(HttpRequest.newBuilder(URI.create(gatewayUrl("/admin/usage/" + requestId)))
                    .header("Authorization", basic(OPERATOR_USER, OPERATOR_PASSWORD)).GET().build());
            attempts = usage.statusCode() == 200 ? Json.parse(usage.body()).get("attempts") : attempts;
        }
        assertThat(attempts).as("ledger rows of " + requestId).hasSize(expected);
        return attempts;
    }
}
