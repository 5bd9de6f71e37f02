package dev.camelgateway.e2e;

import dev.camelgateway.GatewayApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's two commands, with auth on: `make run` (profile demo, in a gateway of its own, its key file under
 * target/ instead of ./data) writes a gateway key to its file, and the README's curl with
 * {@code Authorization: Bearer $(cat data/demo-key)} gets the demo model's answer, streaming and not, and so do its curls
 * of /v1/messages and /v1/responses.
 */
@ExtendWith(OutputCaptureExtension.class)
class MakeRunDemoTest {

    @Test
    void theDemoProfilesKeyFileHoldsAKeyTheChatApiAccepts(CapturedOutput output) throws Exception {
        Path files = Files.createTempDirectory(Files.createDirectories(Path.of("target", "test-ledgers").toAbsolutePath()), "demo");
        Path keyFile = files.resolve("data").resolve("demo-key");
        int port = freePort();
        try (ConfigurableApplicationContext ignored = new SpringApplicationBuilder(GatewayApplication.class).run(
                "--spring.profiles.active=demo", "--server.port=" + port, "--management.server.port=0",
                "--gateway.ledger.url=jdbc:h2:mem:make-run-demo;DB_CLOSE_DELAY=-1",
                "--gateway.ledger.spool.directory=" + files.resolve("spool"),
                "--gateway.ledger.dead-letter.directory=" + files.resolve("dead-letter"),
                "--gateway.auth.demo-key-file=" + keyFile, "--gateway.demo.word-delay=1ms")) {
            String key = Files.readString(keyFile).strip(); // $(cat data/demo-key)

            assertThat(key).startsWith("sk-gw-");
            assertThat(Files.getPosixFilePermissions(keyFile)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
            assertThat(output.getAll()).contains("Demo gateway key (in " + keyFile + ")");

            HttpResponse<String> answer = chat(port, key, false);
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            assertThat(answer.body()).contains("Hello from the Camel LLM Gateway demo upstream");
            HttpResponse<String> stream = chat(port, key, true);
            assertThat(stream.statusCode()).as(stream.body()).isEqualTo(200);
            assertThat(stream.body()).startsWith("data: {").endsWith("data: [DONE]\n\n");
            assertThat(chat(port, null, false).statusCode()).as("without the key").isEqualTo(401);

            // the README's curls of the other APIs: the demo answers them through its Chat Completions
            HttpResponse<String> message = post(port, "/v1/messages", "x-api-key", key,
                    "{\"model\":\"demo\",\"max_tokens\":100,\"messages\":[{\"role\":\"user\",\"content\":\"Hello!\"}]}");
            assertThat(message.statusCode()).as(message.body()).isEqualTo(200);
            assertThat(message.body()).contains("\"type\":\"message\"").contains("Hello from the Camel LLM Gateway demo upstream");
            HttpResponse<String> response = post(port, "/v1/responses", "Authorization", "Bearer " + key,
                    "{\"model\":\"demo\",\"input\":\"Hello!\"}");
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(response.body()).contains("\"object\":\"response\"").contains("\"status\":\"completed\"")
                    .contains("Hello from the Camel LLM Gateway demo upstream");
        }
    }

    private static HttpResponse<String> post(int port, String path, String header, String value, String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json").header(header, value)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The README's curl: {@code -H 'Content-Type: application/json' -H "Authorization: Bearer $(cat data/demo-key)"}. */
    private static HttpResponse<String> chat(int port, String key, boolean stream) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/chat/completions"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"model\":\"demo\",\"stream\":" + stream + ",\"messages\":[{\"role\":\"user\",\"content\":\"Hello!\"}]}"));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
