package dev.camelgateway.keys;

import dev.camelgateway.quota.Limits;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What /admin may set on a key (the body of {@code POST /admin/keys}, and of {@code PATCH} merged over the current
 * fields): everything but its id and secret. Absent {@code enabled} is true; absent {@code models} is every model.
 */
record KeyFields(String name, String team, List<String> models, Instant expiresAt, Boolean enabled,
                 Map<String, String> metadata, Limits limits, Integer maxN, Long maxTokens) {
    static final Set<String> NAMES = Set.of("name", "team", "models", "expires_at", "enabled", "metadata", "limits",
            "max_n", "max_tokens");

    static KeyFields of(GatewayKey key) {
        return new KeyFields(key.name(), key.team(), key.models().stream().sorted().toList(), key.expiresAt(),
                key.enabled(), key.metadata(), key.limits(), key.maxN(), key.maxTokens());
    }

    /** The key these fields make (call after {@link AdminChecks#check(KeyFields)}); instants as the database keeps them. */
    GatewayKey toKey(String id) {
        return new GatewayKey(id, name, team, models == null ? Set.of() : Set.copyOf(models),
                expiresAt == null ? null : expiresAt.truncatedTo(ChronoUnit.MICROS), enabled == null || enabled,
                metadata == null ? Map.of() : metadata, limits, maxN, maxTokens, GatewayKey.Source.DATABASE);
    }
}
