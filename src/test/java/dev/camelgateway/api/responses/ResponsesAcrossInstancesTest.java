package dev.camelgateway.api.responses;

import com.fasterxml.jackson.databind.JsonNode;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.models.responses.Response;
import com.openai.models.responses.ResponseCreateParams;
import com.openai.models.responses.ResponseStreamEvent;
import dev.camelgateway.api.Json;
import dev.camelgateway.quota.LedgerDatabase;
import dev.camelgateway.support.FakeUpstream;
import dev.camelgateway.support.FakeUpstream.Reply;
import dev.camelgateway.support.Fixtures;
import dev.camelgateway.support.FreePorts;
import dev.camelgateway.support.GatewayProcess;
import dev.camelgateway.support.TestKeys;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two gateway instances (each a JVM of its own) on one PostgreSQL ledger (a database of its own on the shared server):
 * a response made on one is there on the other the moment its client was told it was complete, and a chained call on
 * the other continues it — kept upstream (passthrough) or translated.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResponsesAcrossInstancesTest {
    private final FakeUpstream upstream = new FakeUpstream();
    private LedgerDatabase ledger;
    private GatewayProcess a;
    private GatewayProcess b;

    @BeforeAll
    void startTwoGateways() throws Exception {
        ledger = LedgerDatabase.create();
        a = gateway("responses-a");
        b = gateway("responses-b");
        ExecutorService starting = Executors.newFixedThreadPool(2);
        CompletableFuture.allOf(CompletableFuture.runAsync(a::start, starting), CompletableFuture.runAsync(b::start, starting))
                .get(4, TimeUnit.MINUTES);
        starting.shutdown();
    }

    @BeforeEach
    void quietUpstream() {
        upstream.reset();
    }

    @AfterAll
    void stopEverything() {
        for (AutoCloseable closeable : new AutoCloseable[] {a, b, upstream, ledger}) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception e) {
                // the next closes still run
            }
        }
    }

    @Test
    void aStreamedResponseIsOnTheOtherInstanceAsSoonAsItsClientSawItComplete() {
        String id = UpstreamResponses.newId();
        upstream.enqueue("/openai/v1/responses", UpstreamResponses.sse("text.sse", id));
        List<String> seenOnB = new ArrayList<>();
        try (StreamResponse<ResponseStreamEvent> stream = client(a).responses().createStreaming(ResponseCreateParams
                .builder().model("openai/gpt-4.1").input("hi").build())) {
            stream.stream().filter(ResponseStreamEvent::isCompleted).findFirst().orElseThrow();
            seenOnB.add(client(b).responses().retrieve(id).id()); // before the stream's end: no wait, no retry
        }
        assertThat(seenOnB).containsExactly(id);
    }

    @Test
    void aResponseKeptUpstreamIsContinuedFromTheOtherInstanceByItsId() {
        String first = UpstreamResponses.newId();
        upstream.enqueue("/openai/v1/responses", UpstreamResponses.json("text.json", first));
        upstream.enqueue("/openai/v1/responses", UpstreamResponses.json("text.json", UpstreamResponses.newId()));
        client(a).responses().create(ResponseCreateParams.builder().model("openai/gpt-4.1").input("hi").build());

        client(b).responses().create(ResponseCreateParams.builder().model("openai/gpt-4.1").previousResponseId(first)
                .input("more").build());

        JsonNode sent = json(upstream.lastRequest().body());
        assertThat(sent.get("previous_response_id").asText()).isEqualTo(first);
    }

    @Test
    void aTranslatedResponseIsContinuedFromTheOtherInstanceWithItsConversation() throws Exception {
        String answer = Fixtures.read("anthropic", "chat-basic", "upstream-response.json");
        upstream.enqueue("/anthropic/v1/messages", Reply.json(200, answer));
        upstream.enqueue("/anthropic/v1/messages", Reply.json(200, answer));
        Response first = client(a).responses().create(ResponseCreateParams.builder().model("anthropic/claude-sonnet-4-5")
                .input("Describe Paris.").build());

        client(b).responses().create(ResponseCreateParams.builder().model("anthropic/claude-sonnet-4-5")
                .previousResponseId(first.id()).input("Shorter.").build());

        JsonNode messages = json(upstream.lastRequest().body()).get("messages");
        assertThat(messages).extracting(m -> m.get("role").asText()).containsExactly("user", "assistant", "user");
        assertThat(messages.get(1).get("content").get(0).get("text").asText()).startsWith("Bonjour!");
        assertThat(ledgerRows("responses")).as("rows of both instances, api=responses").isGreaterThanOrEqualTo(2);
    }

    private long ledgerRows(String api) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        long rows = 0;
        try (Connection connection = DriverManager.getConnection(ledger.url(), LedgerDatabase.USER, "")) {
            while (rows < 2 && System.nanoTime() < deadline) {
                try (ResultSet result = connection.createStatement().executeQuery(
                        "SELECT COUNT(*) FROM usage_ledger WHERE api = '" + api + "' AND provider = 'anthropic'")) {
                    result.next();
                    rows = result.getLong(1);
                }
                Thread.sleep(100);
            }
        }
        return rows;
    }

    private static OpenAIClient client(GatewayProcess gateway) {
        return OpenAIOkHttpClient.builder().baseUrl(gateway.url("/v1")).apiKey(TestKeys.GATEWAY_KEY).maxRetries(0)
                .timeout(Duration.ofSeconds(30)).build();
    }

    private static JsonNode json(String text) {
        return Json.objectOrNull(text);
    }

    private GatewayProcess gateway(String name) throws Exception {
        Path files = Files.createTempDirectory("gateway-" + name);
        List<String> arguments = List.of("--gateway.ledger.url=" + ledger.url(),
                "--gateway.ledger.username=" + LedgerDatabase.USER,
                "--gateway.ledger.spool.directory=" + files.resolve("spool"),
                "--gateway.ledger.dead-letter.directory=" + files.resolve("dead-letter"),
                "--gateway.providers.openai.base-url=" + upstream.url("/openai/v1"),
                "--gateway.providers.anthropic.base-url=" + upstream.url("/anthropic"),
                TestKeys.gatewayKeyArgument(), "--logging.level.root=WARN", "--logging.level.dev.camelgateway=INFO");
        return new GatewayProcess(name, FreePorts.next(), FreePorts.next(), arguments,
                Map.of("OPENAI_API_KEY", "sk-upstream-" + "Rt5Wq9Lm2Xc7Hv4Nb8Kz1Jd6", "ANTHROPIC_API_KEY", ""));
    }
}
