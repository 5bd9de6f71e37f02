package dev.camelgateway.keys;

import dev.camelgateway.quota.Limits;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A key as /admin shows it. Never the hash of its secret; the secret itself only in the answer that made it (create,
 * rotate). {@code secret_hint}: its last four characters (database keys; a configured key's secret stays in its
 * configuration). {@code source}: config (read-only here) or database.
 */
record KeyView(String id, String name, String team, List<String> models, Instant expiresAt, boolean enabled,
               Map<String, String> metadata, Limits limits, Integer maxN, Long maxTokens, String source,
               String secretHint, Instant createdAt, Instant updatedAt, String secret) {

    static KeyView of(KeyRepository.StoredKey stored) {
        return of(stored.key(), stored.secretHint(), stored.createdAt(), stored.updatedAt());
    }

    static KeyView of(GatewayKey key) {
        return of(key, null, null, null);
    }

    private static KeyView of(GatewayKey key, String hint, Instant createdAt, Instant updatedAt) {
        return new KeyView(key.id(), key.name(), key.team(), key.models().stream().sorted().toList(), key.expiresAt(),
                key.enabled(), new TreeMap<>(key.metadata()), key.limits(), key.maxN(), key.maxTokens(),
                key.source().name().toLowerCase(Locale.ROOT), hint, createdAt, updatedAt, null);
    }

    KeyView withSecret(String secret) {
        return new KeyView(id, name, team, models, expiresAt, enabled, metadata, limits, maxN, maxTokens, source,
                secretHint, createdAt, updatedAt, secret);
    }
}
