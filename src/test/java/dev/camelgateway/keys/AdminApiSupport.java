package dev.camelgateway.keys;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelgateway.api.Json;
import dev.camelgateway.support.GatewayTestSupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** Calls of the /admin API as an admin, an operator or a stranger, and of the chat API with a given gateway key. */
abstract class AdminApiSupport extends GatewayTestSupport {

    static HttpResponse<String> admin(String method, String path, String body) {
        return as(ADMIN_USER, ADMIN_PASSWORD, method, path, body);
    }

    static HttpResponse<String> operator(String method, String path, String body) {
        return as(OPERATOR_USER, OPERATOR_PASSWORD, method, path, body);
    }

    static HttpResponse<String> as(String user, String password, String method, String path, String body) {
        HttpRequest.BodyPublisher content = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gatewayUrl(path))).method(method, content);
        if (user != null) {
            request.header("Authorization", basic(user, password));
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return send(request.build());
    }

    /** A chat completion of the built-in demo model, sent with this gateway key. */
    static HttpResponse<String> chatWith(String secret) {
        return send(HttpRequest.newBuilder(URI.create(gatewayUrl("/v1/chat/completions")))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + secret)
                .POST(HttpRequest.BodyPublishers.ofString(chat("demo", false))).build());
    }

    /** A new database key; its JSON, secret included. */
    static JsonNode createKey(String body) {
        HttpResponse<String> created = admin("POST", "/admin/keys", body);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created);
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return Json.parse(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An error in OpenAI's envelope, as JSON. */
    static JsonNode assertError(HttpResponse<String> response, int status, String code, String param) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        JsonNode error = json(response).get("error");
        assertThat(error.get("code").asText()).as(response.body()).isEqualTo(code);
        assertThat(error.get("param").asText(null)).as(response.body()).isEqualTo(param);
        assertThat(error.get("message").asText()).isNotBlank().doesNotContain("Exception");
        return error;
    }
}
