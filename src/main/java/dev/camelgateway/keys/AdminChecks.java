package dev.camelgateway.keys;

import dev.camelgateway.api.Bounded;
import dev.camelgateway.api.GatewayException;
import dev.camelgateway.quota.Limits;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The ranges of what /admin stores, each refusal a 400 naming the field. The sizes are the columns'
 * ({@code V3__gateway_keys_and_cost.sql}): models and metadata are JSON in VARCHAR(4000); a USD amount fits the
 * ledger's DECIMAL(20, 9).
 */
final class AdminChecks {
    static final int MAX_NAME = 256;
    static final int MAX_MODELS = 100;
    static final int MAX_MODEL = 256;
    static final int MAX_METADATA = 50;
    static final int MAX_METADATA_KEY = 64;
    static final int MAX_METADATA_VALUE = 512;
    static final int MAX_JSON_COLUMN = 4000;
    private static final Pattern MODEL = Pattern.compile("[\\x21-\\x7E]{1," + MAX_MODEL + "}");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");
    private static final BigDecimal MAX_USD = new BigDecimal("99999999999");
    private static final int MAX_USD_SCALE = 9;

    private AdminChecks() {
    }

    static void check(KeyFields key) {
        name(key.name(), "whose key this is");
        models(key.models());
        metadata(key.metadata());
        limits(key.limits(), "limits");
        atLeastOne(key.maxN(), "max_n");
        atLeastOne(key.maxTokens(), "max_tokens");
    }

    static void check(TeamFields team) {
        if (!KeyIds.valid(team.id())) {
            throw invalid("id", team.id() == null ? "'id' is required: the team's id (letters, digits, '_', '.', '-'; "
                    + "at most 64; starting with a letter or digit)." : "Invalid 'id': use letters, digits, '_', '.' and "
                    + "'-', at most 64, starting with a letter or digit.");
        }
        if (team.name() != null) {
            name(team.name(), "which team this is");
        }
        limits(team.limits(), "limits");
    }

    private static void name(String name, String says) {
        if (name == null || name.isBlank()) {
            throw invalid("name", "'name' is required: a few words that say " + says + ".");
        }
        if (name.length() > MAX_NAME || CONTROL.matcher(name).find()) {
            throw invalid("name", "Invalid 'name': at most " + MAX_NAME + " characters, no control characters.");
        }
    }

    private static void models(List<String> models) {
        if (models == null) {
            return;
        }
        if (models.size() > MAX_MODELS) {
            throw invalid("models", "Invalid 'models': at most " + MAX_MODELS + " entries.");
        }
        for (int i = 0; i < models.size(); i++) {
            if (models.get(i) == null || !MODEL.matcher(models.get(i)).matches()) {
                throw invalid("models[" + i + "]", "Invalid 'models[" + i + "]': a model alias, 'deployment/model' or "
                        + "'deployment/*', 1 to " + MAX_MODEL + " printable ASCII characters without spaces.");
            }
        }
        columnSize(models, "models");
    }

    private static void metadata(Map<String, String> metadata) {
        if (metadata == null) {
            return;
        }
        if (metadata.size() > MAX_METADATA) {
            throw invalid("metadata", "Invalid 'metadata': at most " + MAX_METADATA + " entries.");
        }
        metadata.forEach((key, value) -> {
            String param = "metadata." + Bounded.of(key);
            if (key.isEmpty() || key.length() > MAX_METADATA_KEY || CONTROL.matcher(key).find()) {
                throw invalid(param, "Invalid key '" + param + "': 1 to " + MAX_METADATA_KEY + " characters, no control "
                        + "characters.");
            }
            if (value == null || value.length() > MAX_METADATA_VALUE) {
                throw invalid(param, "Invalid '" + param + "': a string of at most " + MAX_METADATA_VALUE + " characters.");
            }
        });
        columnSize(metadata, "metadata");
    }

    /** Rates of 0 would refuse everything with a retry that never comes (disable the key instead); budgets may be 0. */
    static void limits(Limits limits, String prefix) {
        if (limits == null) {
            return;
        }
        atLeastOne(limits.rpm(), prefix + ".rpm");
        atLeastOne(limits.tpm(), prefix + ".tpm");
        atLeastOne(limits.maxParallelRequests(), prefix + ".max_parallel_requests");
        nonNegative(limits.dailyBudgetTokens(), prefix + ".daily_budget_tokens");
        nonNegative(limits.monthlyBudgetTokens(), prefix + ".monthly_budget_tokens");
        usd(limits.dailyBudgetUsd(), prefix + ".daily_budget_usd");
        usd(limits.monthlyBudgetUsd(), prefix + ".monthly_budget_usd");
    }

    private static void nonNegative(Number value, String param) {
        if (value != null && value.longValue() < 0) {
            throw invalid(param, "Invalid '" + param + "': expected a value >= 0, but got " + value + " instead.");
        }
    }

    static void atLeastOne(Number value, String param) {
        if (value != null && value.longValue() < 1) {
            throw invalid(param, "Invalid '" + param + "': expected a value >= 1, but got " + value + " instead.");
        }
    }

    private static void usd(BigDecimal value, String param) {
        if (value == null) {
            return;
        }
        if (value.signum() < 0 || value.compareTo(MAX_USD) > 0 || value.stripTrailingZeros().scale() > MAX_USD_SCALE) {
            throw invalid(param, "Invalid '" + param + "': an amount in USD from 0 to " + MAX_USD + ", at most "
                    + MAX_USD_SCALE + " decimal places.");
        }
    }

    private static void columnSize(Object value, String param) {
        int length = KeyRepository.write(value).length();
        if (length > MAX_JSON_COLUMN) {
            throw invalid(param, "Invalid '" + param + "': " + length + " characters as JSON; at most " + MAX_JSON_COLUMN
                    + " are kept.");
        }
    }

    private static GatewayException invalid(String param, String message) {
        return GatewayException.badRequest(message, param, "invalid_value");
    }
}
