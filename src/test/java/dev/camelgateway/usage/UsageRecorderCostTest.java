package dev.camelgateway.usage;

import dev.camelgateway.routing.GatewayProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** gateway.cost per attempt with a known cost, by provider, upstream model and team (declared teams only). */
class UsageRecorderCostTest {
    @TempDir
    Path files;
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @Test
    void costIsCountedByProviderModelAndDeclaredTeam() {
        UsageRecorder recorder = recorder();

        record(recorder, attempt("research", "0.000172500"));
        record(recorder, attempt("research", "0.000000500"));
        record(recorder, attempt("made-through-admin", "0.25"));
        record(recorder, attempt(null, "1.5"));
        record(recorder, attempt("research", null)); // unpriced: not counted

        assertThat(cost("research")).isCloseTo(0.000173, within(1e-12));
        assertThat(cost(MetricTags.OTHER)).isCloseTo(0.25, within(1e-12));
        assertThat(cost(TeamTags.NONE)).isCloseTo(1.5, within(1e-12));
        assertThat(meters.find("gateway.cost").counters()).hasSize(3)
                .allSatisfy(c -> assertThat(c.getId().getBaseUnit()).isEqualTo("usd"));
    }

    private double cost(String team) {
        Counter counter = meters.find("gateway.cost").tags("provider", "openai", "model", "gpt-4o-mini", "team", team).counter();
        assertThat(counter).as("team " + team).isNotNull();
        return counter.count();
    }

    private UsageRecorder recorder() {
        GatewayProperties properties = new GatewayProperties();
        GatewayProperties.Provider openai = new GatewayProperties.Provider();
        openai.setModels(List.of("gpt-4o-mini"));
        properties.getProviders().put("openai", openai);
        LedgerWriter writer = new LedgerWriter(null, meters, 100, 10, new LedgerSpool(files.resolve("spool"), 1 << 20),
                new DeadLetterFile(files.resolve("dead-letter"), 1 << 20)); // not started: rows only queue
        return new UsageRecorder(meters, writer, properties, new MetricTags(properties),
                new TeamTags(TeamTagsTest.auth("research")));
    }

    private static void record(UsageRecorder recorder, AttemptRecord record) {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.setProperty(AttemptTally.RECORD, record);
        recorder.record(exchange);
    }

    private static AttemptRecord attempt(String team, String cost) {
        Instant now = Instant.now();
        return new AttemptRecord("req_1", 1, null, now, now, "fast", "openai", "gpt-4o-mini", false, AttemptStatus.COMPLETE,
                Usage.of(1L, 2L), false, 1L, 1L, 200, null, null, "chat", team == null ? null : "key_1", team,
                cost == null ? null : new BigDecimal(cost));
    }
}
