package dev.camelgateway.keys;

import dev.camelgateway.quota.Limits;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * A client's gateway key as the gateway knows it (never its secret): who holds it, what it may call, until when, and
 * its limits. {@code models} empty = every model; otherwise aliases and {@code deployment/model} names, and
 * {@code deployment/*} for every model of a deployment. {@code maxN} and {@code maxTokens} cap what one request may
 * ask for. {@code source}: where it was declared (config or database; only database keys change through /admin).
 */
public record GatewayKey(String id, String name, String team, Set<String> models, Instant expiresAt, boolean enabled,
                         Map<String, String> metadata, Limits limits, Integer maxN, Long maxTokens, Source source) {

    public enum Source { CONFIG, DATABASE }

    public GatewayKey {
        models = Set.copyOf(models);
        metadata = Map.copyOf(metadata);
        limits = limits == null ? Limits.NONE : limits;
    }

    public boolean expired(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    /** Whether this key may call {@code model} as the client named it (an alias, or {@code deployment/model}). */
    public boolean allows(String model) {
        if (models.isEmpty() || models.contains(model)) {
            return true;
        }
        int slash = model.indexOf('/');
        return slash > 0 && models.contains(model.substring(0, slash) + "/*");
    }
}
