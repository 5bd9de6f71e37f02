package dev.camelgateway.cost;

import dev.camelgateway.routing.ConfigurationCheck;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The configured prices by model, checked at start-up: a missing model or price, a negative price or a model priced
 * twice stops the start (a typo would otherwise price every attempt of that model wrongly, or not at all).
 */
@Component
public class PriceTable {
    private final Map<String, Price> prices = new HashMap<>();

    public PriceTable(PriceProperties properties) {
        List<String> problems = new ArrayList<>();
        Map<String, Integer> seenAt = new HashMap<>();
        List<PriceProperties.Entry> entries = properties.getPrices();
        for (int i = 0; i < entries.size(); i++) {
            PriceProperties.Entry entry = entries.get(i);
            String key = "gateway.prices[" + i + "]";
            if (entry.model() == null || entry.model().isBlank()) {
                problems.add(key + ".model is missing (an upstream model name, or deployment/model)");
                continue;
            }
            key += " (" + entry.model() + ")";
            Integer earlier = seenAt.putIfAbsent(entry.model(), i);
            if (earlier != null) {
                problems.add(key + " prices the same model as gateway.prices[" + earlier + "]: keep one");
            }
            checkPrice(problems, key + ".input", entry.input(), true);
            checkPrice(problems, key + ".output", entry.output(), true);
            checkPrice(problems, key + ".cached-input", entry.cachedInput(), false);
            if (problems.isEmpty()) {
                prices.put(entry.model(), new Price(entry.input(), entry.output(),
                        entry.cachedInput() == null ? entry.input() : entry.cachedInput()));
            }
        }
        ConfigurationCheck.fail(problems);
    }

    private static void checkPrice(List<String> problems, String key, BigDecimal price, boolean required) {
        if (price == null && required) {
            problems.add(key + " is missing (USD per million tokens; 0 for a free model)");
        } else if (price != null && price.signum() < 0) {
            problems.add(key + " is " + price.toPlainString() + ": a price cannot be negative");
        }
    }

    /** The price of a model on a deployment: its {@code deployment/model} entry, else its model's; null when unpriced. */
    public Price priceOf(String deployment, String upstreamModel) {
        if (upstreamModel == null) {
            return null;
        }
        Price qualified = deployment == null ? null : prices.get(deployment + "/" + upstreamModel);
        return qualified != null ? qualified : prices.get(upstreamModel);
    }
}
