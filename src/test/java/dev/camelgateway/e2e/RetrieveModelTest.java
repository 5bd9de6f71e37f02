package dev.camelgateway.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.openai.errors.NotFoundException;
import com.openai.models.models.Model;
import dev.camelgateway.api.Json;
import dev.camelgateway.support.GatewayTestSupport;
import dev.camelgateway.support.RawHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static dev.camelgateway.support.OpenAiErrors.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code GET /v1/models/{id}}, OpenAI's retrieve model, for every id {@code GET /v1/models} lists: ids hold a {@code /},
 * sent as is or as {@code %2F} (which only this path accepts).
 */
class RetrieveModelTest extends GatewayTestSupport {

    @Test
    void theOpenAiSdkRetrievesAModelWhoseIdHoldsASlash() {
        Model model = openAi().models().retrieve("openai/gpt-4o-mini");

        assertThat(model.id()).isEqualTo("openai/gpt-4o-mini");
        assertThat(model.ownedBy()).isEqualTo("openai");
        assertThat(model.created()).isPositive();
    }

    @Test
    void theOpenAiSdkRetrievesAnAlias() {
        Model model = openAi().models().retrieve("demo");

        assertThat(model.id()).isEqualTo("demo");
        assertThat(model.ownedBy()).isEqualTo("gateway");
    }

    @Test
    void theOpenAiSdkGetsNotFoundForAnUnknownModel() {
        assertThatThrownBy(() -> openAi().models().retrieve("openai/gpt-9"))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.code()).hasValue("model_not_found"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v1/models/openai/gpt-4o-mini", "/v1/models/openai%2Fgpt-4o-mini", "/v1/models/openai%2fgpt-4o-mini"})
    void theIdMayCarryItsSlashAsIsOrEncoded(String path) throws Exception {
        try (RawHttp http = new RawHttp(port())) {
            RawHttp.Response response = http.write("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + KEY_HEADER_LINE + "\r\n").read();

            assertThat(response.status()).as(response.body()).isEqualTo(200);
            assertThat(response.headers().get("x-request-id")).startsWith("req_");
            JsonNode model = Json.parse(response.body());
            assertThat(model.get("id").asText()).isEqualTo("openai/gpt-4o-mini");
            assertThat(model.get("object").asText()).isEqualTo("model");
        }
    }

    @Test
    void anUnknownIdIs404ModelNotFoundInTheOpenAiEnvelope() {
        HttpResponse<String> response = get("/v1/models/nope%2Fmissing");

        JsonNode error = assertError(response, 404, "model_not_found", "model");
        assertThat(error.get("message").asText()).contains("'nope/missing'");
    }

    @Test
    void aBrokenEscapeIsABadRequestAndAnEmptyIdAnUnknownModel() throws Exception {
        try (RawHttp http = new RawHttp(port())) {
            assertError(http.write("GET /v1/models/openai%zz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").read(), 400, "bad_request");
        }
        assertError(get("/v1/models/"), 404, "model_not_found", "model");
    }

    @Test
    void theListStillAnswersAtItsOwnPath() throws Exception {
        HttpResponse<String> response = get("/v1/models");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Json.parse(response.body()).get("object").asText()).isEqualTo("list");
    }

    @Test
    void anEncodedSlashOnAnyOtherPathIsStillRefused() throws Exception {
        try (RawHttp http = new RawHttp(port())) {
            RawHttp.Response response = http.write("GET /admin/usage/req%2F1 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").read();

            assertError(response, 400, "bad_request");
        }
    }

    @Test
    void anEncodedDotDotSlashStaysInsideTheModelId() throws Exception {
        try (RawHttp http = new RawHttp(port())) {
            RawHttp.Response response = http.write("GET /v1/models/..%2F..%2Fadmin%2Fusage HTTP/1.1\r\nHost: 127.0.0.1\r\n" + KEY_HEADER_LINE
                    + "\r\n").read();

            assertError(response, 404, "model_not_found");
        }
    }

    @Test
    void retrieveIsGetOnly() {
        HttpResponse<String> response = send(keyed(HttpRequest.newBuilder(URI.create(gatewayUrl("/v1/models/demo"))))
                .DELETE().build());

        assertError(response, 405, "method_not_allowed");
    }

    private static HttpResponse<String> get(String path) {
        return send(keyed(HttpRequest.newBuilder(URI.create(gatewayUrl(path)))).GET().build());
    }

    private static int port() {
        return URI.create(gatewayUrl("/")).getPort();
    }
}
