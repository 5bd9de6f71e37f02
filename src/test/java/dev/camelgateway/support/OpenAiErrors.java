package dev.camelgateway.support;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelgateway.api.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** Asserts an answer is an error in OpenAI's envelope, as JSON with the gateway's headers: never HTML, never a trace. */
public final class OpenAiErrors {
    private OpenAiErrors() {
    }

    /** @return the {@code error} object, for further checks */
    public static JsonNode assertError(HttpResponse<String> response, int status, String code) {
        return assertError(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                response.headers().firstValue("x-request-id").orElse(null), response.body(), status, code);
    }

    public static JsonNode assertError(RawHttp.Response response, int status, String code) {
        return assertError(response.status(), response.headers().get("Content-Type"), response.headers().get("x-request-id"),
                response.body(), status, code);
    }

    private static JsonNode assertError(int actualStatus, String contentType, String requestId, String body, int status,
                                        String code) {
        assertThat(actualStatus).as(body).isEqualTo(status);
        assertThat(contentType).startsWith("application/json");
        assertThat(requestId).startsWith("req_");
        JsonNode error = parse(body).get("error");
        assertThat(error).as(body).isNotNull();
        assertThat(error.get("code").asText()).isEqualTo(code);
        assertThat(error.get("message").asText()).isNotBlank().doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(error.get("type").asText()).isEqualTo(status >= 500 ? "server_error" : "invalid_request_error");
        assertThat(error.has("param")).isTrue();
        return error;
    }

    public static JsonNode assertError(HttpResponse<String> response, int status, String code, String param) {
        JsonNode error = assertError(response, status, code);
        assertThat(error.get("param").asText(null)).isEqualTo(param);
        return error;
    }

    private static JsonNode parse(String body) {
        try {
            return Json.parse(body);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + body, e);
        }
    }
}
