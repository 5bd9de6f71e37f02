package dev.camelgateway.e2e;

import dev.camelgateway.support.GatewayTestSupport;
import dev.camelgateway.support.TestKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every bad input is logged as one line naming its request id, and nothing it causes logs a stack trace. */
@ExtendWith(OutputCaptureExtension.class)
class ClientErrorsLogOneLineTest extends GatewayTestSupport {
    private static final String MSGS = "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]";

    @Test
    void badInputsLogOneLineEachAndNoStackTrace(CapturedOutput output) {
        List<HttpRequest> bad = List.of(
                chat("application/json", "{\"model\":".getBytes(StandardCharsets.UTF_8)),
                chat(null, ("{\"model\":\"demo\"," + MSGS + "}").getBytes(StandardCharsets.UTF_8)),
                chat("application/json", new byte[]{'{', '"', 'm', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'}),
                chat("application/json", ("{\"model\":\"demo\"," + MSGS + "}").getBytes(StandardCharsets.UTF_16)),
                chat("application/json", ("{\"model\":\"demo\",\"max_tokens\":18446744073709551617," + MSGS + "}").getBytes(StandardCharsets.UTF_8)),
                chat("application/json", ("{\"model\":\"mistral/mistral-small-latest\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"},"
                        + "{\"role\":\"assistant\",\"tool_calls\":\"x\"}]}").getBytes(StandardCharsets.UTF_8)),
                chat("application/json", ("{\"model\":\"gemini/gemini:evil@x\"," + MSGS + "}").getBytes(StandardCharsets.UTF_8)),
                chat("application/json", ("{\"model\":\"no-such-model\n\u2028\"," + MSGS + "}").getBytes(StandardCharsets.UTF_8)),
                keyed(HttpRequest.newBuilder(URI.create(gatewayUrl("/v1/chat/completions")))).header("Content-Type", "application/json")
                        .header("Content-Encoding", "gzip").POST(HttpRequest.BodyPublishers.ofString("x")).build(),
                HttpRequest.newBuilder(URI.create(gatewayUrl("/v1/chat/completions"))).header("Content-Type", "application/json")
                        .header("Authorization", "Bearer sk-gw-unknown-0000000000000000").POST(HttpRequest.BodyPublishers.ofString(
                                "{\"model\":\"demo\"," + MSGS + "}")).build(),
                HttpRequest.newBuilder(URI.create(gatewayUrl("/nothing/here"))).GET().build(),
                HttpRequest.newBuilder(URI.create(gatewayUrl("/admin/usage"))).GET().build());
        for (HttpRequest request : bad) {
            int before = output.getAll().length();
            HttpResponse<String> response = send(request);
            assertThat(response.statusCode()).as(response.body()).isBetween(400, 499);
            String requestId = response.headers().firstValue("x-request-id").orElseThrow();
            String logged = output.getAll().substring(before);
            assertThat(logged.lines().filter(line -> line.contains(requestId)))
                    .as("log lines of %s %s", request.uri(), response.body()).hasSize(1)
                    .allSatisfy(line -> assertThat(line).contains("refused: " + response.statusCode()));
            assertThat(logged).doesNotContain("\tat ").doesNotContain("Exception").doesNotContain("\u2028");
        }
    }

    /** Once the key is known, the line names it and its team (ledger rows do too): who sent what was refused. */
    @Test
    void aRefusalAfterAuthenticationNamesTheCallersKeyAndTeam(CapturedOutput output) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(gatewayUrl("/v1/chat/completions")))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + TestKeys.TEAM_KEY)
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"no-such-model\"," + MSGS + "}")).build());
        assertThat(response.statusCode()).isEqualTo(404);
        String requestId = response.headers().firstValue("x-request-id").orElseThrow();
        assertThat(output.getAll().lines().filter(line -> line.contains(requestId)))
                .singleElement().asString().contains("request " + requestId + " key=team-member team=" + TestKeys.TEAM
                        + " refused: 404 model_not_found");
    }

    private static HttpRequest chat(String contentType, byte[] body) {
        HttpRequest.Builder request = keyed(HttpRequest.newBuilder(URI.create(gatewayUrl("/v1/chat/completions"))))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return request.build();
    }
}
