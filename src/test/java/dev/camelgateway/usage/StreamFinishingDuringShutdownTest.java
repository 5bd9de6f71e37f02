package dev.camelgateway.usage;

import dev.camelgateway.GatewayApplication;
import dev.camelgateway.support.TestKeys;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Graceful shutdown, in a gateway of its own (server.shutdown=graceful, as shipped): a stream still running when the
 * context is closed finishes with [DONE] at the client, and its row is in the ledger once the context has closed
 * (the writer used to stop first, before the web server and Camel let the stream finish, and lost the row).
 */
class StreamFinishingDuringShutdownTest {

    @Test
    void aStreamFinishingDuringGracefulShutdownHasItsRow() throws Exception {
        Path files = Files.createTempDirectory(Files.createDirectories(Path.of("target", "test-ledgers").toAbsolutePath()), "shutdown");
        String ledger = "jdbc:h2:file:" + files.resolve("ledger");
        int port = freePort();
        ConfigurableApplicationContext gateway = new SpringApplicationBuilder(GatewayApplication.class).run(
                "--server.port=" + port, "--management.server.port=0", "--server.shutdown=graceful",
                "--spring.lifecycle.timeout-per-shutdown-phase=30s", "--gateway.ledger.url=" + ledger,
                "--gateway.ledger.spool.directory=" + files.resolve("spool"), "--gateway.demo.word-delay=100ms",
                TestKeys.gatewayKeyArgument());
        String words = "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen";
        HttpRequest request = TestKeys.keyed(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/chat/completions")))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"model\":\"demo\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"" + words + "\"}]}"))
                .build();
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream());
        String requestId = response.headers().firstValue("x-request-id").orElseThrow();
        BufferedReader body = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
        String first = body.readLine();
        assertThat(first).startsWith("data: {");

        CompletableFuture<Void> closing = CompletableFuture.runAsync(gateway::close); // while the stream is in flight
        List<String> rest = new ArrayList<>();
        for (String line; (line = body.readLine()) != null; ) {
            rest.add(line);
        }
        closing.join();

        assertThat(rest).as("the stream ran on through the shutdown").hasSizeGreaterThan(20);
        assertThat(rest.stream().filter(l -> !l.isEmpty()).reduce((a, b) -> b).orElseThrow()).isEqualTo("data: [DONE]");
        try (Connection db = DriverManager.getConnection(ledger, "sa", "");
             PreparedStatement query = db.prepareStatement("SELECT status FROM usage_ledger WHERE request_id = ?")) {
            query.setString(1, requestId);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).as("the row of " + requestId).isTrue();
                assertThat(row.getString(1)).isEqualTo("COMPLETE");
                assertThat(row.next()).isFalse();
            }
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
