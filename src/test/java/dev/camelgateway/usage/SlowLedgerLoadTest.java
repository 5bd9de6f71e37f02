package dev.camelgateway.usage;

import dev.camelgateway.support.GatewayTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 200 concurrent streams against a ledger made slow on purpose (every insert takes 20 ms, so 200 rows need at least
 * 4 s): every stream completes intact while most of its rows are still waiting to be written — the streams never
 * wait for the ledger — and in the end the ledger has every row, once.
 */
class SlowLedgerLoadTest extends GatewayTestSupport {
    private static final int STREAMS = 200;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void fastLedgerAgain() {
        jdbc.execute("DROP TRIGGER IF EXISTS slow_ledger");
    }

    @Test
    void streamsNeverWaitForASlowLedgerAndNoRowIsLost() throws Exception {
        jdbc.update("DELETE FROM usage_ledger");
        jdbc.execute("CREATE TRIGGER slow_ledger BEFORE INSERT ON usage_ledger FOR EACH ROW CALL \""
                + SlowLedgerTrigger.class.getName() + "\"");
        HttpClient client = HttpClient.newHttpClient();
        List<CompletableFuture<HttpResponse<String>>> streams = new ArrayList<>();
        for (int i = 0; i < STREAMS; i++) {
            HttpRequest request = keyed(HttpRequest.newBuilder(URI.create(gatewayUrl("/v1/chat/completions"))))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                            "{\"model\":\"demo\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"load " + i + "\"}]}"))
                    .build();
            streams.add(client.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
        }
        CompletableFuture.allOf(streams.toArray(CompletableFuture[]::new)).join();
        int rowsWhenAllStreamsEnded = count();

        assertThat(streams).allSatisfy(s -> assertThat(s.join().body()).endsWith("data: [DONE]\n\n"));
        assertThat(rowsWhenAllStreamsEnded).as("rows already written when the last stream ended").isLessThan(STREAMS);
        int rows = 0;
        for (int i = 0; i < 300 && rows < STREAMS; i++) {
            Thread.sleep(100);
            rows = count();
        }
        assertThat(rows).isEqualTo(STREAMS);
        assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT request_id) FROM usage_ledger", Integer.class)).isEqualTo(STREAMS);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM usage_ledger WHERE status = 'COMPLETE'", Integer.class)).isEqualTo(STREAMS);
    }

    private int count() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM usage_ledger", Integer.class);
    }
}
