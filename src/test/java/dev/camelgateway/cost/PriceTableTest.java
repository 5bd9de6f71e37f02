package dev.camelgateway.cost;

import dev.camelgateway.routing.InvalidConfigurationException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PriceTableTest {

    @Test
    void promptCompletionAndCachedTokensArePricedPerMillion() {
        PriceTable table = table(entry("gpt-4o-mini", "0.15", "0.60", "0.075"));
        Price price = table.priceOf("openai", "gpt-4o-mini");

        // 900 fresh × 0.15 + 100 cached × 0.075 + 50 × 0.60 = 135 + 7.5 + 30 = 172.5 per million
        assertThat(price.toCostUsd(1000L, 100L, 50L)).isEqualByComparingTo("0.0001725").hasScaleOf(9);
        assertThat(price.toCostUsd(9L, 0L, 8L)).isEqualTo(new BigDecimal("0.000006150"));
        assertThat(price.toCostUsd(9L, null, 8L)).as("unknown cached count: none").isEqualTo(new BigDecimal("0.000006150"));
        assertThat(price.toCostUsd(0L, 0L, 0L)).isEqualTo(new BigDecimal("0E-9"));
    }

    @Test
    void cachedInputDefaultsToInput() {
        Price price = table(entry("mistral-large-latest", "2.00", "6.00", null)).priceOf("mistral", "mistral-large-latest");

        assertThat(price.cachedInput()).isEqualByComparingTo("2.00");
        assertThat(price.toCostUsd(1000L, 400L, 0L)).isEqualTo(new BigDecimal("0.002000000"));
    }

    @Test
    void anUnknownCountOrAnUnpricedModelHasNoCost() {
        PriceTable table = table(entry("gpt-4o", "2.50", "10.00", "1.25"));
        Price price = table.priceOf("openai", "gpt-4o");

        assertThat(price.toCostUsd(null, 0L, 8L)).isNull();
        assertThat(price.toCostUsd(9L, 0L, null)).isNull();
        assertThat(table.priceOf("openai", "gpt-5")).isNull();
        assertThat(table.priceOf("openai", null)).isNull();
        assertThat(table(List.of()).priceOf("openai", "gpt-4o")).as("no prices configured").isNull();
    }

    @Test
    void aDeploymentQualifiedPriceWinsOnItsDeploymentOnly() {
        PriceTable table = table(entry("gpt-4o", "2.50", "10.00", null), entry("azure-eu/gpt-4o", "2.75", "11.00", null));

        assertThat(table.priceOf("azure-eu", "gpt-4o").input()).isEqualByComparingTo("2.75");
        assertThat(table.priceOf("openai", "gpt-4o").input()).isEqualByComparingTo("2.50");
        assertThat(table(entry("azure-eu/gpt-4o", "2.75", "11.00", null)).priceOf("openai", "gpt-4o"))
                .as("a qualified price prices no other deployment").isNull();
    }

    /** An upstream model name may itself hold a slash (Ollama's library/llama3): the bare name still matches. */
    @Test
    void anUpstreamModelWithASlashIsPricedByItsWholeName() {
        PriceTable table = table(entry("library/llama3", "0", "0", null), entry("ollama/library/llama3", "0.01", "0.02", null));

        assertThat(table.priceOf("ollama", "library/llama3").input()).isEqualByComparingTo("0.01");
        assertThat(table.priceOf("ollama-2", "library/llama3").input()).isEqualByComparingTo("0");
    }

    /** Sub-nano costs (a price with more than three decimals) round half up to the column's nano-USD. */
    @Test
    void costsRoundToNanoUsdAndConvertToNanosExactly() {
        Price price = new Price(new BigDecimal("0.0375"), new BigDecimal("0.0005"), new BigDecimal("0.0375"));

        BigDecimal cost = price.toCostUsd(1L, 0L, 1L); // 0.0380 per million = 0.000000038 USD
        assertThat(cost).isEqualTo(new BigDecimal("0.000000038"));
        assertThat(price.toCostUsd(0L, 0L, 1L)).as("0.0005 nano-USD rounds half up to 1").isEqualTo(new BigDecimal("0.000000001"));
        assertThat(Price.toCostNanos(cost)).isEqualTo(38);
        assertThat(Price.toCostNanos(new BigDecimal("12.345678901"))).isEqualTo(12_345_678_901L);
    }

    @Test
    void aBadTableRefusesToStartNamingEveryProblem() {
        assertThatThrownBy(() -> table(entry("gpt-4o", "-1", "10", null), entry(" ", "1", "1", null),
                entry("gpt-4o", "2.5", null, "-0.5"), entry("claude-sonnet-4-5", null, "15", null)))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("gateway.prices[0] (gpt-4o).input is -1: a price cannot be negative")
                .hasMessageContaining("gateway.prices[1].model is missing")
                .hasMessageContaining("gateway.prices[2] (gpt-4o) prices the same model as gateway.prices[0]")
                .hasMessageContaining("gateway.prices[2] (gpt-4o).output is missing")
                .hasMessageContaining("gateway.prices[2] (gpt-4o).cached-input is -0.5: a price cannot be negative")
                .hasMessageContaining("gateway.prices[3] (claude-sonnet-4-5).input is missing");
    }

    /** As Spring Boot binds config/application.yaml (kebab-case keys, the list under gateway.prices). */
    @Test
    void theTableBindsFromConfiguration() {
        MapConfigurationPropertySource source = new MapConfigurationPropertySource(Map.of(
                "gateway.prices[0].model", "claude-sonnet-4-5", "gateway.prices[0].input", "3.00",
                "gateway.prices[0].output", "15.00", "gateway.prices[0].cached-input", "0.30",
                "gateway.max-request-size", "8MB")); // another gateway.* key: not the price table's
        PriceProperties properties = new Binder(source).bindOrCreate("gateway", PriceProperties.class);

        Price price = new PriceTable(properties).priceOf("anthropic", "claude-sonnet-4-5");

        assertThat(price).isEqualTo(new Price(new BigDecimal("3.00"), new BigDecimal("15.00"), new BigDecimal("0.30")));
    }

    private static PriceProperties.Entry entry(String model, String input, String output, String cachedInput) {
        return new PriceProperties.Entry(model, decimal(input), decimal(output), decimal(cachedInput));
    }

    private static BigDecimal decimal(String value) {
        return value == null ? null : new BigDecimal(value);
    }

    private static PriceTable table(PriceProperties.Entry... entries) {
        return table(List.of(entries));
    }

    private static PriceTable table(List<PriceProperties.Entry> entries) {
        PriceProperties properties = new PriceProperties();
        properties.setPrices(entries);
        return new PriceTable(properties);
    }
}
