package dev.camelgateway.usage;

import dev.camelgateway.support.FakeUpstream.Reply;
import dev.camelgateway.support.Fixtures;
import dev.camelgateway.support.GatewayTestSupport;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Regression: each wire-tapped copy kept the whole request alive (its RequestContext with the parsed request, the
 * headers, the body: about 3 MB for a 1 MB prompt) while it waited in the tap queue. What reaches the usage route
 * now is the attempt record alone, on every tap (a completed stream, a whole answer, a failed attempt before a retry).
 */
class TappedAttemptCarriesOnlyItsRecordTest extends GatewayTestSupport {
    private static final Map<String, String> SEEN = new ConcurrentHashMap<>();
    private static volatile boolean watcherInstalled;
    private static volatile boolean capturing;

    @Autowired
    CamelContext camel;

    /**
     * Watches what the wire taps send to the usage route, without changing any route (the shared gateway's routes
     * stay exactly those of routes/): the event of each send to {@code direct:usage} carries the tapped copy.
     */
    @BeforeEach
    void watchTheTaps() throws Exception {
        if (!watcherInstalled) {
            EventNotifierSupport watcher = new EventNotifierSupport() {
                @Override
                public void notify(CamelEvent event) {
                    if (capturing && event instanceof CamelEvent.ExchangeSendingEvent sending
                            && "direct://usage".equals(sending.getEndpoint().getEndpointUri())) {
                        Exchange exchange = sending.getExchange();
                        AttemptRecord record = exchange.getProperty(AttemptTally.RECORD, AttemptRecord.class);
                        if (record != null) {
                            SEEN.put(record.requestId() + "#" + record.attempt(), "properties=" + exchange.getProperties().keySet()
                                    + " headers=" + exchange.getIn().getHeaders().keySet() + " body=" + exchange.getIn().getBody());
                        }
                    }
                }
            };
            watcher.setIgnoreExchangeSendingEvents(false);
            camel.getManagementStrategy().addEventNotifier(watcher);
            watcher.start();
            watcherInstalled = true;
        }
        SEEN.clear();
        capturing = true;
    }

    @AfterEach
    void stopWatching() {
        capturing = false;
    }

    @Test
    void everyTappedCopyHoldsOnlyTheAttemptRecord() throws Exception {
        String prompt = "x ".repeat(500_000); // a 1 MB prompt
        UPSTREAM.enqueue(OLLAMA_PATH, Reply.json(500, "{\"error\":{\"message\":\"oops\"}}"));
        UPSTREAM.enqueue(OLLAMA_PATH, Reply.json(200, Fixtures.read("openai", "chat-basic", "upstream-response.json")));
        HttpResponse<String> retried = post("/v1/chat/completions", "application/json",
                "{\"model\":\"ollama/llama3\",\"messages\":[{\"role\":\"user\",\"content\":\"" + prompt + "\"}]}");
        UPSTREAM.enqueue(OPENAI_PATH, Reply.sse(List.of()).withRawSse(Fixtures.read("openai", "chat-basic", "upstream-response.sse")));
        HttpResponse<String> streamed = post("/v1/chat/completions", "application/json",
                "{\"model\":\"openai/gpt-4o-mini\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"" + prompt + "\"}]}");
        assertThat(retried.statusCode()).isEqualTo(200);
        assertThat(streamed.body()).endsWith("data: [DONE]\n\n");
        String retriedId = retried.headers().firstValue("x-request-id").orElseThrow();
        String streamedId = streamed.headers().firstValue("x-request-id").orElseThrow();
        Set<String> taps = Set.of(retriedId + "#1", retriedId + "#2", streamedId + "#1");
        for (int i = 0; i < 100 && !SEEN.keySet().containsAll(taps); i++) {
            Thread.sleep(50);
        }

        assertThat(SEEN.keySet()).containsAll(taps);
        assertThat(taps).allSatisfy(tap -> assertThat(SEEN.get(tap)).as(tap)
                .isEqualTo("properties=[" + AttemptTally.RECORD + "] headers=[] body=null"));
    }
}
