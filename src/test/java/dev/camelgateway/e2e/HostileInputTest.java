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
 * What an attacker sends to make the gateway fail: every answer is a 4xx in OpenAI's envelope with the gateway's
 * headers, nothing reaches an upstream, and no body is read whole before the size limit applies.
 */
class HostileInputTest extends GatewayTestSupport {

    @Test
    void unknownPathIs404InTheOpenAiEnvelope() {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(gatewayUrl("/nope"))).header("Accept", "text/html")
                .GET().build());

        JsonNode error = assertError(response, 404, "not_found", null);
        assertThat(error.get("message").asText()).contains("GET /nope");
    }

    @Test
    void wrongMethodOnASpringEndpointIs405InTheOpenAiEnvelope() {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(gatewayUrl("/actuator/health"))).DELETE().build());

        assertError(response, 405, "method_not_allowed", null);
    }

    @Test
    void requestLineTomcatCannotParseIs400InTheOpenAiEnvelope() throws Exception {
        try (RawHttp http = new RawHttp(port())) {
            RawHttp.Response response = http.write("GET /a b c HTTP/1.1\r\nHost: gateway\r\n\r\n").read();

            assertError(response, 400, "bad_request");
            assertThat(response.body()).doesNotContain("<html");
        }
    }

    private static int port() {
        return URI.create(gatewayUrl("/")).getPort();
    }
}
