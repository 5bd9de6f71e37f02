package dev.camelgateway.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelgateway.support.GatewayTestSupport;
import dev.camelgateway.support.RawHttp;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static dev.camelgateway.support.OpenAiErrors.assertError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Errors that never reach a route — an unknown path, a wrong method on a Spring endpoint, a request Tomcat cannot
 * parse — answer OpenAI's envelope with {@code x-request-id} too, never an HTML page or Spring's own JSON.
 */
class ErrorsOutsideTheRoutesTest extends GatewayTestSupport {

    @Test
    void unknownPathIs404InTheOpenAiEnvelope() {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(gatewayUrl("/nope"))).header("Accept", "text/html")
                .GET().build());

        JsonNode error = assertError(response, 404, "not_found", null);
        assertThat(error.get("message").asText()).contains("GET /nope");
    }

    @Test
    void errorPageAskedForDirectlyIs404() {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(gatewayUrl("/error"))).GET().build());

        JsonNode error = assertError(response, 404, "not_found", null);
        assertThat(error.get("message").asText()).contains("GET /error");
    }

    @Test
    void wrongMethodOnASpringEndpointIs405InTheOpenAiEnvelope() {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(gatewayUrl("/demo/v1/chat/completions"))).DELETE().build());

        assertError(response, 405, "method_not_allowed", null);
    }

    @Test
    void requestLineTomcatCannotParseIs400InTheOpenAiEnvelope() throws Exception {
        try (RawHttp http = new RawHttp(port())) {
            RawHttp.Response response = http.write("GET /a b c HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").read();

            assertError(response, 400, "bad_request");
            assertThat(response.body()).doesNotContain("<html");
        }
    }

    private static int port() {
        return URI.create(gatewayUrl("/")).getPort();
    }
}
