package dev.camelgateway.cost;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code gateway.prices}: the price table (USD per million tokens), bound on its own so that pricing stays out of
 * {@code GatewayProperties}; {@link PriceTable} checks it.
 */
@ConfigurationProperties(prefix = "gateway")
public class PriceProperties {
    private List<Entry> prices = new ArrayList<>();

    public List<Entry> getPrices() {
        return prices;
    }

    public void setPrices(List<Entry> prices) {
        this.prices = prices;
    }

    /**
     * One model's price. {@code model}: an upstream model name (any deployment) or {@code deployment/model} (that
     * deployment only). {@code cachedInput}: null = {@code input}.
     */
    public record Entry(String model, BigDecimal input, BigDecimal output, BigDecimal cachedInput) {
    }
}
