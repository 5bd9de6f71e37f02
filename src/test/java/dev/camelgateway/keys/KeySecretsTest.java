package dev.camelgateway.keys;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Secrets made by the gateway: recognisable, unguessable, stored as a stable hash, told apart by a short hint. */
class KeySecretsTest {

    @Test
    void aNewSecretIsThePrefixAnd256RandomBitsInBase64Url() {
        Set<String> secrets = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            String secret = KeySecrets.newSecret();
            assertThat(secret).matches("sk-gw-[A-Za-z0-9_-]{43}");
            secrets.add(secret);
        }
        assertThat(secrets).hasSize(100);
    }

    @Test
    void aNewIdIsKeyAnd16HexDigitsAndAValidId() {
        String id = KeySecrets.newId();

        assertThat(id).matches("key-[0-9a-f]{16}").isNotEqualTo(KeySecrets.newId());
        assertThat(KeyIds.valid(id)).isTrue();
    }

    @Test
    void theHashIsTheSha256OfTheSecretInHexAndStable() {
        assertThat(KeySecrets.hash("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        String secret = KeySecrets.newSecret();
        assertThat(KeySecrets.hash(secret)).isEqualTo(KeySecrets.hash(new String(secret.toCharArray())))
                .hasSize(64).doesNotContain(secret.substring(6, 14));
        assertThat(KeySecrets.hash(secret + "x")).isNotEqualTo(KeySecrets.hash(secret));
    }

    @Test
    void theHintIsTheLastFourCharactersAndNothingOfAShortSecret() {
        assertThat(KeySecrets.hint("sk-gw-0123456789abcdefWXYZ")).isEqualTo("WXYZ");
        assertThat(KeySecrets.hint("123456789")).isEqualTo("6789");
        assertThat(KeySecrets.hint("12345678")).isEmpty();
        assertThat(KeySecrets.hint("")).isEmpty();
    }
}
