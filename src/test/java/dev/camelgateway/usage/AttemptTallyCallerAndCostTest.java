package dev.camelgateway.usage;

import dev.camelgateway.api.ChatCompletionsApi;
import dev.camelgateway.api.ChatRequest;
import dev.camelgateway.api.ClientRequest;
import dev.camelgateway.api.ErrorEnvelope;
import dev.camelgateway.secrets.SecretRedactor;
import dev.camelgateway.api.Json;
import dev.camelgateway.api.RequestContext;
import dev.camelgateway.cost.PriceProperties;
import dev.camelgateway.cost.PriceTable;
import dev.camelgateway.keys.GatewayKey;
import dev.camelgateway.provider.Attempt;
import dev.camelgateway.routing.GatewayProperties;
import dev.camelgateway.routing.Target;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The caller (key, team, client API) and the cost of an attempt reach its record (authentication sets the key). */
class AttemptTallyCallerAndCostTest {
    private final AttemptTally tally = new AttemptTally(null, null, prices());

    @Test
    void aKeyedAttemptCarriesItsKeyTeamApiAndCost() throws Exception {
        RequestContext context = context("openai", "gpt-4o-mini", new Usage(1000L, 50L, 1050L, 100L, null));
        context.key(new GatewayKey("key_1", "ci", "research", Set.of(), null, true, Map.of(), null, null, null,
                GatewayKey.Source.CONFIG));
        context.clientApi(new ChatCompletionsApi(null));

        AttemptRecord record = completed(context);

        assertThat(record.keyId()).isEqualTo("key_1");
        assertThat(record.team()).isEqualTo("research");
        assertThat(record.api()).isEqualTo("chat");
        // 900 × 0.15 + 100 × 0.075 + 50 × 0.60 = 172.5 per million
        assertThat(record.costUsd()).isEqualTo(new BigDecimal("0.000172500"));
    }

    @Test
    void withoutAKeyOrAPriceTheCallerAndCostAreNull() throws Exception {
        AttemptRecord record = completed(context("openai", "gpt-made-up", Usage.of(9L, 8L)));

        assertThat(record.keyId()).isNull();
        assertThat(record.team()).isNull();
        assertThat(record.api()).as("the client API not set: the column's default").isEqualTo(AttemptRecord.DEFAULT_API);
        assertThat(record.costUsd()).isNull();
    }

    /** Estimated counts are priced like reported ones: the row's tokens and its cost agree. */
    @Test
    void anEstimatedCountIsPriced() throws Exception {
        AttemptRecord record = completed(context("openai", "gpt-4o-mini", Usage.of(9L, null)));

        assertThat(record.estimated()).isTrue();
        long completion = record.usage().completionTokens();
        assertThat(completion).as("counted from the output text").isPositive();
        // 0.15 and 0.60 per million tokens = 150 and 600 nano-USD per token
        assertThat(record.costUsd()).isEqualTo(BigDecimal.valueOf(9 * 150 + completion * 600, 9));
    }

    private AttemptRecord completed(RequestContext context) {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.setProperty(RequestContext.PROPERTY, context);
        tally.completed(exchange);
        return exchange.getProperty(AttemptTally.RECORD, AttemptRecord.class);
    }

    private static RequestContext context(String deployment, String model, Usage reported) throws Exception {
        RequestContext context = new RequestContext(null, null);
        ChatCompletionsApi api = new ChatCompletionsApi(new ErrorEnvelope(new SecretRedactor(List.of())));
        context.clientApi(api);
        context.request(ClientRequest.ofChat(api, ChatRequest.of((com.fasterxml.jackson.databind.node.ObjectNode) Json.parse(
                "{\"model\":\"" + deployment + "/" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"))));
        context.chain(List.of(new Target(deployment, new GatewayProperties.Provider(), model)));
        context.advance();
        Attempt attempt = context.startAttempt();
        attempt.reportedUsage(reported);
        attempt.appendOutput("Hello there, how are you today?");
        return context;
    }

    private static PriceTable prices() {
        PriceProperties properties = new PriceProperties();
        properties.setPrices(List.of(new PriceProperties.Entry("gpt-4o-mini", new BigDecimal("0.15"), new BigDecimal("0.60"),
                new BigDecimal("0.075"))));
        return new PriceTable(properties);
    }
}
