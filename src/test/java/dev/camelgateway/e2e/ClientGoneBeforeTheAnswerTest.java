package dev.camelgateway.e2e;

import dev.camelgateway.support.FakeUpstream.Reply;
import dev.camelgateway.support.Fixtures;
import dev.camelgateway.support.GatewayTestSupport;
import dev.camelgateway.support.RawStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client that leaves while nothing has been written to it yet (a stream before its first event, a whole answer
 * being awaited) is noticed: the upstream call is cut, and the attempt's row says CLIENT_ABORTED, not COMPLETE.
 */
class ClientGoneBeforeTheAnswerTest extends GatewayTestSupport {
    private static final String OK_JSON = Fixtures.read("openai", "chat-basic", "upstream-response.json");

    private static final String NARROW_PATH = "/narrow/v1/chat/completions";

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    org.apache.camel.CamelContext camel;

    @BeforeEach
    void emptyLedger() {
        jdbc.update("DELETE FROM usage_ledger");
    }

    @Test
    void aClientThatLeavesBeforeTheFirstEventAbortsTheUpstreamStream() throws Exception {
        // the answer's headers, then only SSE comments: no event, so nothing is ever written to the client
        UPSTREAM.enqueue(OPENAI_PATH, Reply.raw(List.of(), Map.of()).thenHold());

        String id = leaveAfterTheUpstreamGotTheRequest(true);

        assertThat(eventually(UPSTREAM::abortedByGateway)).as("the upstream saw its connection closed").isEqualTo(1);
        assertThat(row(id).get("status")).isEqualTo("CLIENT_ABORTED");
    }

    @Test
    void aClientThatLeavesWhileAWholeAnswerIsAwaitedAbortsTheUpstreamCall() throws Exception {
        // no headers for 3 s, as a provider that sends its answer whole; the client leaves at once
        UPSTREAM.enqueue(OPENAI_PATH, Reply.json(200, OK_JSON).headersAfter(3000));

        String id = leaveAfterTheUpstreamGotTheRequest(false);

        assertThat(eventually(UPSTREAM::abortedByGateway)).as("the upstream's answer found the connection closed").isEqualTo(1);
        assertThat(row(id).get("status")).isEqualTo("CLIENT_ABORTED");
    }

    @Test
    void aClientThatLeavesWhileItsCallWaitsForAPooledConnectionSendsNothingUpstream() throws Exception {
        // deployment "narrow" has one connection: a first call holds it for 3 s, the second waits for it
        UPSTREAM.enqueue(NARROW_PATH, Reply.json(200, OK_JSON).headersAfter(3000));
        UPSTREAM.enqueue(NARROW_PATH, Reply.json(200, OK_JSON));
        var first = java.util.concurrent.CompletableFuture.supplyAsync(() -> post("/v1/chat/completions", "application/json",
                chat("narrow/gpt-4o", false)));
        assertThat(UPSTREAM.awaitReceived(1, 10, TimeUnit.SECONDS)).isTrue();
        String id = "gone-" + UUID.randomUUID();
        try (RawStream client = RawStream.post(StreamFlushingTest.port(), "/v1/chat/completions", chat("narrow/gpt-4o", false),
                0, 10_000, id)) {
            for (int i = 0; i < 200 && camel.getInflightRepository().size("attempt-narrow") < 2; i++) {
                Thread.sleep(10);
            }
            assertThat(camel.getInflightRepository().size("attempt-narrow")).as("the second call is under way").isEqualTo(2);
        }

        assertThat(first.get(20, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        assertThat(row(id).get("status")).isEqualTo("CLIENT_ABORTED");
        assertThat(UPSTREAM.received()).as("the call of the client that left was never sent").hasSize(1);
    }


    /**
     * Alias "resilient": a silent ollama, then anthropic. The client leaves while ollama is awaited: its attempt is cut,
     * and nothing more is attempted for it — no retry, no fallback.
     */
    @Test
    void aClientThatLeavesStopsTheFallbackChain() throws Exception {
        UPSTREAM.enqueue("/ollama/v1/chat/completions", Reply.silent());
        UPSTREAM.enqueue(ANTHROPIC_PATH, Reply.json(200, Fixtures.read("anthropic", "chat-basic", "upstream-response.json")));
        String id = "gone-" + UUID.randomUUID();
        String chat = "{\"model\":\"resilient\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
        try (RawStream client = RawStream.post(StreamFlushingTest.port(), "/v1/chat/completions", chat, 0, 10_000, id)) {
            assertThat(UPSTREAM.awaitReceived(1, 10, TimeUnit.SECONDS)).isTrue();
        }

        assertThat(row(id).get("status")).isEqualTo("CLIENT_ABORTED");
        Thread.sleep(2000); // past ollama's 1.5 s first-event budget: a retry or the fallback would have been sent by now
        assertThat(UPSTREAM.received()).as("only the first attempt was sent").hasSize(1);
    }

    private static String leaveAfterTheUpstreamGotTheRequest(boolean stream) throws Exception {
        String id = "gone-" + UUID.randomUUID();
        String chat = "{\"model\":\"openai/gpt-4o-mini\",\"stream\":" + stream + ",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
        try (RawStream client = RawStream.post(StreamFlushingTest.port(), "/v1/chat/completions", chat, 0, 10_000, id)) {
            assertThat(UPSTREAM.awaitReceived(1, 10, TimeUnit.SECONDS)).isTrue();
            assertThat(client.seen()).isEmpty();
        }
        return id;
    }

    private static int eventually(java.util.function.IntSupplier value) throws InterruptedException {
        for (int i = 0; i < 100 && value.getAsInt() == 0; i++) {
            Thread.sleep(50);
        }
        return value.getAsInt();
    }

    private Map<String, Object> row(String clientRequestId) throws InterruptedException {
        List<Map<String, Object>> rows = List.of();
        for (int i = 0; i < 100 && rows.isEmpty(); i++) {
            rows = jdbc.queryForList("SELECT * FROM usage_ledger WHERE client_request_id = ?", clientRequestId);
            if (rows.isEmpty()) {
                Thread.sleep(50);
            }
        }
        assertThat(rows).as("the attempt's row").hasSize(1);
        return rows.get(0);
    }
}
