package dev.camelgateway.e2e;

import dev.camelgateway.support.GatewayTestSupport;
import dev.camelgateway.support.TestKeys;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** A client's model string never becomes a metric tag: made-up models add no series to the scrape. */
class MetricCardinalityTest extends GatewayTestSupport {

    @Test
    void aThousandUnknownModelsAddNoSeries() throws Exception {
        assertThat(send(chat("made-up-model")).statusCode()).isEqualTo(404); // counted once: model "other", provider "none"
        Set<String> before = gatewaySeries();
        HttpClient client = HttpClient.newHttpClient();
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            calls.add(client.sendAsync(chat("made-up-model-" + i), HttpResponse.BodyHandlers.ofString()));
            if (calls.size() == 50) {
                calls.forEach(c -> assertThat(c.join().statusCode()).isEqualTo(404));
                calls.clear();
            }
        }
        calls.forEach(c -> assertThat(c.join().statusCode()).isEqualTo(404));

        Set<String> added = new TreeSet<>(gatewaySeries());
        added.removeAll(before);
        assertThat(added).isEmpty();
        assertThat(before).noneMatch(series -> series.contains("made-up"));
    }

    /** Models the demo upstream answers whatever their name: counted, under "other", in one series. */
    @Test
    void answeredModelsTheConfigDoesNotNameAreCountedAsOther() throws Exception {
        for (int i = 0; i < 20; i++) {
            assertThat(send(chat("demo/unlisted-" + i)).statusCode()).isEqualTo(200);
        }
        Set<String> series = gatewaySeries();
        assertThat(series).noneMatch(s -> s.contains("unlisted"));
        assertThat(series).anyMatch(s -> s.startsWith("gateway_requests_total{api=\"chat\",model=\"other\",outcome=\"success\",provider=\"demo\""));
    }

    /** Cost is tagged like tokens (configured provider and model) and by team: a configured team, or "none" without one. */
    @Test
    void costIsCountedWithBoundedTags() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(send(chat("demo")).statusCode()).isEqualTo(200); // demo/echo has a (made-up) price
            assertThat(send(chat("demo/unpriced-" + i)).statusCode()).isEqualTo(200);
        }
        Set<String> cost = Set.of();
        for (int i = 0; i < 50 && cost.isEmpty(); i++) { // the usage tap is asynchronous
            cost = gatewaySeries().stream().filter(s -> s.startsWith("gateway_cost_usd_total")).collect(Collectors.toSet());
            Thread.sleep(cost.isEmpty() ? 100 : 0);
        }
        assertThat(cost).contains("gateway_cost_usd_total{api=\"chat\",model=\"echo\",provider=\"demo\",team=\"none\"}");
        assertThat(cost).allSatisfy(series -> assertThat(series).matches(
                "gateway_cost_usd_total\\{api=\"[a-z_]+\",model=\"[a-z0-9.@-]+\",provider=\"[a-z0-9-]+\",team=\"(none|other|"
                        + TestKeys.TEAM + "|" + TestKeys.CAPPED_TEAM + ")\"}")); // configured teams only
        assertThat(cost).noneMatch(series -> series.contains("unpriced"));
    }

    private static HttpRequest chat(String model) {
        return keyed(HttpRequest.newBuilder(URI.create(gatewayUrl("/v1/chat/completions")))).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"))
                .build();
    }

    /** Every gateway_* series of the scrape, without its value. */
    private static Set<String> gatewaySeries() {
        String scrape = send(HttpRequest.newBuilder(URI.create(managementUrl("/actuator/prometheus"))).GET().build()).body();
        return scrape.lines().filter(l -> l.startsWith("gateway_")).map(l -> l.substring(0, l.lastIndexOf(' ')))
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
