package dev.camelgateway.keys;

import dev.camelgateway.routing.InvalidConfigurationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The configuration checks of {@code gateway.auth.*} at start-up (a bad declaration stops the gateway with a message
 * that names the key and what to change, never its secret), the keys it then knows, and the demo profile's key file.
 */
class KeyRegistryTest {
    private static final String SECRET = "sk-gw-unit-Hq4Zr8Tm2Wc6Ky0Pb3Nd7Lf5";
    private static final String OTHER_SECRET = "sk-gw-unit-Js9Xa3Ve7Gp1Qt5Mw8Rk2Cy6";
    /** No key or team in the database: only the configuration's. */
    private static final KeyRepository NO_DATABASE_KEYS = new KeyRepository(null) {
        @Override
        public List<StoredKey> keys() {
            return List.of();
        }

        @Override
        public List<Team> teams() {
            return List.of();
        }
    };
    private final List<KeyRegistry> started = new ArrayList<>();
    @TempDir
    Path directory;

    @AfterEach
    void stopRefreshers() {
        started.forEach(KeyRegistry::destroy);
    }

    @Test
    void aKeyNeedsASecretOrASecretFileButNotBoth() throws Exception {
        AuthProperties both = properties("ci", key(SECRET));
        both.getKeys().get("ci").setSecretFile(Files.writeString(directory.resolve("ci"), OTHER_SECRET));
        AuthProperties neither = properties("ci", key(""));

        for (AuthProperties properties : List.of(both, neither)) {
            assertRefused(properties, "gateway.auth.keys.ci needs exactly one of secret (from the environment) or secret-file");
        }
    }

    @Test
    void aShortSecretOrOneWithSpacesIsRefusedWithoutBeingEchoed() {
        String tooShort = "sk-gw-" + "x".repeat(KeySecrets.MIN_CONFIGURED_LENGTH - 7);
        for (String secret : List.of(tooShort, "sk-gw-a secret with spaces in it")) {
            assertThatThrownBy(() -> start(properties("ci", key(secret))))
                    .isInstanceOf(InvalidConfigurationException.class)
                    .hasMessage("gateway.auth.keys.ci: a secret needs at least 24 printable ASCII characters without spaces "
                            + "(make one with: openssl rand -base64 32)")
                    .hasMessageNotContaining(secret);
        }
    }

    @Test
    void aSecretFileThatCannotBeReadIsNamed() {
        AuthProperties.DeclaredKey declared = key("");
        declared.setSecretFile(directory.resolve("missing"));

        assertRefused(properties("ci", declared), "gateway.auth.keys.ci.secret-file cannot be read: ");
    }

    @Test
    void aKeyOfATeamNotDeclaredIsRefused() {
        AuthProperties.DeclaredKey declared = key(SECRET);
        declared.setTeam("platfrom");

        assertRefused(properties("ci", declared), "gateway.auth.keys.ci.team names 'platfrom', which is not under "
                + "gateway.auth.teams");
    }

    @Test
    void idsAreShortAndPlainAndKeyIsKeptForTheAdminsKeys() {
        assertRefused(properties("key-ci", key(SECRET)), "gateway.auth.keys: 'key-ci' starts with 'key-', which is kept "
                + "for keys made through /admin");
        assertRefused(properties("ci key", key(SECRET)), "gateway.auth.keys: 'ci key' is not a valid id");
        AuthProperties team = properties("ci", key(SECRET));
        team.getTeams().put("-platform", new AuthProperties.DeclaredTeam());
        assertRefused(team, "gateway.auth.teams: '-platform' is not a valid id");
    }

    /** A rate of 0 divided by zero in the Redis store (retry-after-ms -9223372036854775808): refused at start-up. */
    @Test
    void limitsAndCeilingsOutOfRangeAreRefusedNamingTheSetting() {
        AuthProperties.DeclaredKey zeroRpm = key(SECRET);
        zeroRpm.setLimits(new dev.camelgateway.quota.Limits(0L, null, null, null, null, null, null));
        assertRefused(properties("ci", zeroRpm), "gateway.auth.keys.ci.limits.rpm: Invalid 'limits.rpm': expected a value "
                + ">= 1, but got 0 instead.");
        AuthProperties.DeclaredKey negativeCeiling = key(SECRET);
        negativeCeiling.setMaxTokens(-5L);
        assertRefused(properties("ci", negativeCeiling), "gateway.auth.keys.ci.max-tokens: Invalid 'max-tokens'");
        AuthProperties team = properties("ci", key(SECRET));
        AuthProperties.DeclaredTeam negativeBudget = new AuthProperties.DeclaredTeam();
        negativeBudget.setLimits(new dev.camelgateway.quota.Limits(null, null, null, -1L, null, null, null));
        team.getTeams().put("lab", negativeBudget);
        assertRefused(team, "gateway.auth.teams.lab.limits.daily-budget-tokens: Invalid 'limits.daily_budget_tokens'");
    }

    @Test
    void twoKeysWithOneSecretAreRefused() {
        AuthProperties properties = properties("ci", key(SECRET));
        properties.getKeys().put("ci-copy", key(" " + SECRET + " "));

        assertThatThrownBy(() -> start(properties)).isInstanceOf(InvalidConfigurationException.class)
                .hasMessage("gateway.auth.keys.ci-copy has the secret of another key").hasMessageNotContaining(SECRET);
    }

    @Test
    void declaredKeysAreFoundByTheirSecretOnly() throws Exception {
        AuthProperties properties = properties("ci", key(SECRET));
        AuthProperties.DeclaredKey fromFile = key("");
        fromFile.setSecretFile(Files.writeString(directory.resolve("batch"), OTHER_SECRET + "\n"));
        fromFile.setTeam("platform");
        properties.getKeys().put("batch", fromFile);
        properties.getTeams().put("platform", new AuthProperties.DeclaredTeam());

        KeyRegistry registry = start(properties);

        assertThat(registry.bySecret(SECRET).id()).isEqualTo("ci");
        assertThat(registry.bySecret(SECRET).name()).as("the name defaults to the id").isEqualTo("ci");
        assertThat(registry.bySecret(OTHER_SECRET).id()).as("the file's newline is not part of the secret").isEqualTo("batch");
        assertThat(registry.byId("batch").team()).isEqualTo("platform");
        assertThat(registry.team("platform").name()).isEqualTo("platform");
        assertThat(registry.bySecret(SECRET.substring(1))).isNull();
        assertThat(registry.bySecret(KeySecrets.hash(SECRET))).as("the hash is no key").isNull();
    }

    /** make run: the key is made once, kept for its owner only, and the same after a restart. */
    @Test
    void theDemoKeyIsWrittenOnceToItsFileAndKeptAcrossRestarts() throws Exception {
        Path file = directory.resolve("data").resolve("demo-key");
        AuthProperties properties = new AuthProperties();
        properties.setDemoKey(true);
        properties.setDemoKeyFile(file);

        KeyRegistry first = start(properties);
        String secret = Files.readString(file).strip();

        assertThat(secret).startsWith(KeySecrets.PREFIX).hasSize(KeySecrets.PREFIX.length() + 43);
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(first.bySecret(secret).id()).isEqualTo("demo");
        assertThat(start(properties).bySecret(secret)).as("after a restart").isNotNull();
        assertThat(Files.readString(file).strip()).isEqualTo(secret);

        Files.writeString(file, "not a key\n"); // what is no key is replaced by a new one
        KeyRegistry afterwards = start(properties);
        String replaced = Files.readString(file).strip();
        assertThat(replaced).startsWith(KeySecrets.PREFIX).isNotEqualTo(secret);
        assertThat(afterwards.bySecret(replaced).id()).isEqualTo("demo");
    }

    @Test
    void withAuthOffNoDemoKeyIsMade() {
        AuthProperties properties = new AuthProperties();
        properties.setEnabled(false);
        properties.setDemoKey(true);
        properties.setDemoKeyFile(directory.resolve("demo-key"));

        assertThat(start(properties).byId("demo")).isNull();
        assertThat(directory.resolve("demo-key")).doesNotExist();
    }

    private KeyRegistry start(AuthProperties properties) {
        KeyRegistry registry = new KeyRegistry(properties, NO_DATABASE_KEYS);
        started.add(registry);
        return registry;
    }

    private void assertRefused(AuthProperties properties, String message) {
        assertThatThrownBy(() -> start(properties)).isInstanceOf(InvalidConfigurationException.class)
                .hasMessageStartingWith(message).hasMessageNotContaining(SECRET).hasMessageNotContaining(OTHER_SECRET);
    }

    private static AuthProperties properties(String id, AuthProperties.DeclaredKey key) {
        AuthProperties properties = new AuthProperties();
        properties.getKeys().put(id, key);
        return properties;
    }

    private static AuthProperties.DeclaredKey key(String secret) {
        AuthProperties.DeclaredKey key = new AuthProperties.DeclaredKey();
        key.setSecret(secret);
        return key;
    }
}
