package dev.camelgateway.usage;

import dev.camelgateway.routing.GatewayProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * The usage route's step, reached through wire taps: meters one upstream attempt (design.md §4.5), then hands its
 * ledger row to the writer without waiting (a full queue spills to the spool), so it may also run on a client's
 * thread when the tap pool is full.
 */
@Component("usageRecorder")
public class UsageRecorder {
    private static final Logger LOG = LoggerFactory.getLogger(UsageRecorder.class);
    private final MeterRegistry meters;
    private final LedgerWriter ledger;
    private final MetricTags tags;
    private final TeamTags teams;

    public UsageRecorder(MeterRegistry meters, LedgerWriter ledger, GatewayProperties properties, MetricTags tags,
                         TeamTags teams) {
        this.meters = meters;
        this.ledger = ledger;
        this.tags = tags;
        this.teams = teams;
        // interruptions are rare: registered at zero so that dashboards and alerts see the series from the start
        properties.getProviders().keySet().forEach(this::interruptions);
    }

    public void record(Exchange exchange) {
        AttemptRecord record = exchange.getProperty(AttemptTally.RECORD, AttemptRecord.class);
        if (record == null) {
            return;
        }
        String provider = tags.provider(record.provider());
        String model = tags.upstreamModel(record.upstreamModel());
        String api = record.api(); // one of the gateway's own API names, never the client's text
        tokens(provider, model, api, "prompt", record.usage().promptTokens());
        tokens(provider, model, api, "completion", record.usage().completionTokens());
        if (record.costUsd() != null) {
            Counter.builder("gateway.cost").baseUnit("usd").description("Cost of upstream attempts, from the price table")
                    .tag("provider", provider).tag("model", model).tag("api", api).tag("team", teams.team(record.team())).register(meters)
                    .increment(record.costUsd().doubleValue());
        }
        Counter.builder("gateway.upstream.attempts").description("Upstream attempts by how they ended")
                .tag("provider", provider).tag("api", api).tag("outcome", record.status().name().toLowerCase()).register(meters)
                .increment();
        if (record.ttftMillis() != null) {
            Timer.builder("gateway.ttft").description("Time to the first event of an attempt (whole answer when not streamed)")
                    .tag("provider", provider).tag("model", model).publishPercentileHistogram().register(meters)
                    .record(Duration.ofMillis(record.ttftMillis()));
        }
        if (record.status() == AttemptStatus.PARTIAL) {
            interruptions(provider).increment();
        }
        if (record.malformedEvents() > 0) {
            Counter.builder("gateway.stream.malformed_events").description("Stream events skipped as not valid JSON")
                    .tag("provider", provider).register(meters).increment(record.malformedEvents());
        }
        LOG.debug("attempt {}#{} key={} team={} {} {} {} prompt={} completion={} ({}) cost={}", record.requestId(),
                record.attempt(), record.keyId(), record.team(), provider, record.upstreamModel(), record.status(),
                record.usage().promptTokens(), record.usage().completionTokens(), record.usageSource(), record.costUsd());
        ledger.offer(record); // never waits: metrics above are already recorded
    }

    private Counter interruptions(String provider) {
        return Counter.builder("gateway.stream.interruptions").description("Streams that broke after tokens were produced")
                .tag("provider", provider).register(meters);
    }

    private void tokens(String provider, String model, String api, String type, Long tokens) {
        if (tokens != null && tokens > 0) {
            Counter.builder("gateway.tokens").description("Tokens consumed by upstream attempts")
                    .tag("provider", provider).tag("model", model).tag("api", api).tag("type", type).register(meters)
                    .increment(tokens);
        }
    }
}
