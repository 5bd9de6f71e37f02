package dev.camelgateway.keys;

import dev.camelgateway.quota.Limits;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** What a key may call, as the client names the model, and until when. */
class GatewayKeyTest {

    @Test
    void aKeyWithoutModelsMayCallEveryModel() {
        assertThat(key(Set.of(), null).allows("openai/gpt-4o")).isTrue();
        assertThat(key(Set.of(), null).allows("demo")).isTrue();
    }

    @Test
    void listedNamesAndDeploymentWildcardsAreAllowedAndNothingElse() {
        GatewayKey key = key(Set.of("demo", "east/*", "openai/gpt-4o-mini"), null);

        assertThat(key.allows("demo")).isTrue();
        assertThat(key.allows("east/gpt-4o")).isTrue();
        assertThat(key.allows("east/a/b")).as("the rest after the deployment, whatever it holds").isTrue();
        assertThat(key.allows("openai/gpt-4o-mini")).isTrue();
        assertThat(key.allows("openai/gpt-4o")).isFalse();
        assertThat(key.allows("eastern/gpt-4o")).as("a wildcard is a whole deployment id, not a prefix").isFalse();
        assertThat(key.allows("east")).isFalse();
        assertThat(key.allows("/gpt-4o")).isFalse();
        assertThat(key.allows("demo/echo")).as("the alias, not its target").isFalse();
    }

    @Test
    void aKeyExpiresAtItsInstant() {
        Instant at = Instant.parse("2030-06-01T00:00:00Z");
        GatewayKey key = key(Set.of(), at);

        assertThat(key.expired(at.minusMillis(1))).isFalse();
        assertThat(key.expired(at)).isTrue();
        assertThat(key(Set.of(), null).expired(Instant.MAX)).isFalse();
    }

    private static GatewayKey key(Set<String> models, Instant expiresAt) {
        return new GatewayKey("k", "k", null, models, expiresAt, true, Map.of(), Limits.NONE, null, null,
                GatewayKey.Source.CONFIG);
    }
}
