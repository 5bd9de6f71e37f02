package dev.camelgateway.management;

import dev.camelgateway.routing.InvalidConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OperatorAccountsTest {

    @Test
    void aPasswordFileIsReadAndTrimmed(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("ops"), "from-a-file-123\n");
        OperatorAccounts accounts = new OperatorAccounts(properties(operator("ops", null, file)));

        assertThat(accounts.users()).singleElement().satisfies(user -> {
            assertThat(new OperatorAccounts.Passwords().matches("from-a-file-123", user.getPassword())).isTrue();
            assertThat(user.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_operator");
        });
    }

    @Test
    void aLoginWithoutAPasswordOrWithBothRefusesToStart(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> new OperatorAccounts(properties(operator("ops", "", null))))
                .isInstanceOf(InvalidConfigurationException.class).hasMessageContaining("'ops' has no password");
        Path file = Files.writeString(dir.resolve("ops"), "x");
        assertThatThrownBy(() -> new OperatorAccounts(properties(operator("ops", "y", file))))
                .isInstanceOf(InvalidConfigurationException.class).hasMessageContaining("both password and password-file");
        assertThatThrownBy(() -> new OperatorAccounts(properties(operator("ops", null, dir.resolve("missing")))))
                .isInstanceOf(InvalidConfigurationException.class).hasMessageContaining("cannot read the password-file");
        assertThatThrownBy(() -> new OperatorAccounts(properties(operator("ops", "a", null), operator("ops", "b", null))))
                .isInstanceOf(InvalidConfigurationException.class).hasMessageContaining("unique username");
    }

    @Test
    void aPasswordThatLooksLikeAnUnknownHashRefusesToStart() {
        // Spring's delegating encoder throws on an unknown id: every login of this operator would have been a 500
        assertThatThrownBy(() -> new OperatorAccounts(properties(operator("ops", "{summer}2026-passphrase", null))))
                .isInstanceOf(InvalidConfigurationException.class).hasMessageContaining("names no known one");
        String bcrypt = "{bcrypt}" + new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder(4).encode("x");
        assertThat(new OperatorAccounts(properties(operator("ops", bcrypt, null))).users()).hasSize(1);
    }

    @Test
    void plainAndHashedPasswordsMatchOnlyTheirOwn() {
        OperatorAccounts.Passwords passwords = new OperatorAccounts.Passwords();
        assertThat(passwords.matches("secret-one", "secret-one")).isTrue();
        assertThat(passwords.matches("secret-on", "secret-one")).isFalse();
        String bcrypt = "{bcrypt}" + new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder(4).encode("hashed-one");
        assertThat(passwords.matches("hashed-one", bcrypt)).isTrue();
        assertThat(passwords.matches(bcrypt, bcrypt)).as("the hash itself is not the password").isFalse();
    }

    @Test
    void theDemoAdminGetsAFreshPassword() {
        ManagementProperties properties = properties();
        properties.setDemoOperator(true);
        OperatorAccounts one = new OperatorAccounts(properties);
        OperatorAccounts two = new OperatorAccounts(properties);

        assertThat(one.demoPassword()).hasSizeGreaterThanOrEqualTo(20).isNotEqualTo(two.demoPassword());
        assertThat(one.users()).singleElement().satisfies(user -> assertThat(user.getAuthorities())
                .extracting(Object::toString).containsExactlyInAnyOrder("ROLE_operator", "ROLE_admin"));
        assertThat(new OperatorAccounts(properties()).none()).isTrue();
    }

    private static ManagementProperties.Operator operator(String name, String password, Path file) {
        ManagementProperties.Operator operator = new ManagementProperties.Operator();
        operator.setUsername(name);
        operator.setPassword(password);
        operator.setPasswordFile(file);
        return operator;
    }

    private static ManagementProperties properties(ManagementProperties.Operator... operators) {
        ManagementProperties properties = new ManagementProperties();
        properties.setOperators(java.util.List.of(operators));
        return properties;
    }
}
