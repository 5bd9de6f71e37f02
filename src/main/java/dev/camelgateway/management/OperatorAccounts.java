package dev.camelgateway.management;

import dev.camelgateway.routing.InvalidConfigurationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The operator logins of {@code gateway.management.operators}, checked at start-up (a missing password refuses to
 * start), plus the demo's generated admin. A password is given as text (from the environment or a file) or as a
 * Spring Security hash such as <code>{bcrypt}$2a$…</code>.
 */
public final class OperatorAccounts {
    private static final Logger LOG = LoggerFactory.getLogger(OperatorAccounts.class);
    private static final Pattern HASHED = Pattern.compile("^\\{[a-z0-9_-]+}.*", Pattern.DOTALL);
    /** The ids of Spring's delegating encoder that {@link #HASHED} can name. */
    private static final Pattern KNOWN_HASH = Pattern.compile("^\\{(bcrypt|argon2|pbkdf2|scrypt|noop|sha256|ldap)}.*",
            Pattern.DOTALL);
    private final List<UserDetails> users;
    private final String demoPassword;

    OperatorAccounts(ManagementProperties properties) {
        List<UserDetails> list = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (ManagementProperties.Operator operator : properties.getOperators()) {
            String name = operator.getUsername();
            if (name == null || name.isBlank() || !names.add(name)) {
                throw new InvalidConfigurationException("gateway.management.operators: every operator needs a unique username");
            }
            list.add(user(name, password(operator), operator.getRole()));
        }
        demoPassword = properties.isDemoOperator() ? randomPassword() : null;
        if (demoPassword != null) {
            list.add(user("admin", demoPassword, ManagementProperties.Role.ADMIN));
        }
        users = List.copyOf(list);
    }

    public List<UserDetails> users() {
        return users;
    }

    public boolean none() {
        return users.isEmpty();
    }

    /** The demo admin's password (make run prints it once), or null outside the demo. */
    String demoPassword() {
        return demoPassword;
    }

    private static UserDetails user(String name, String password, ManagementProperties.Role role) {
        List<String> roles = role == ManagementProperties.Role.ADMIN
                ? List.of(ManagementSecurity.OPERATOR, ManagementSecurity.ADMIN) : List.of(ManagementSecurity.OPERATOR);
        return User.withUsername(name).password(password).roles(roles.toArray(String[]::new)).build();
    }

    private static String password(ManagementProperties.Operator operator) {
        String password = operator.getPassword();
        if (operator.getPasswordFile() != null) {
            if (password != null && !password.isEmpty()) {
                throw new InvalidConfigurationException("gateway.management.operators: '" + operator.getUsername()
                        + "' has both password and password-file; keep one");
            }
            try {
                password = Files.readString(operator.getPasswordFile(), StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                throw new InvalidConfigurationException("gateway.management.operators: cannot read the password-file of '"
                        + operator.getUsername() + "' (" + operator.getPasswordFile() + ": " + e.getClass().getSimpleName() + ")");
            }
        }
        if (password == null || password.isEmpty()) {
            throw new InvalidConfigurationException("gateway.management.operators: '" + operator.getUsername()
                    + "' has no password (set password from the environment, or password-file)");
        }
        if (HASHED.matcher(password).matches() && !KNOWN_HASH.matcher(password).matches()) {
            // Spring's encoders would throw on every login of this operator (a 500): refuse it here instead
            throw new InvalidConfigurationException("gateway.management.operators: the password of '" + operator.getUsername()
                    + "' starts with '{…}', which marks a hash, but names no known one (bcrypt, argon2, pbkdf2, scrypt, noop)");
        }
        if (!HASHED.matcher(password).matches() && password.length() < 12) {
            LOG.warn("Operator '{}' has a password shorter than 12 characters", operator.getUsername());
        }
        return password;
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * Plain passwords compared in constant time; Spring Security hashes (<code>{bcrypt}…</code>) checked by Spring's
     * encoders. Plain passwords are not hashed here on purpose: a bcrypt check per request would let anyone with a
     * wrong password spend ~0.1 s of CPU per attempt.
     */
    static final class Passwords implements PasswordEncoder {
        private final PasswordEncoder hashes = PasswordEncoderFactories.createDelegatingPasswordEncoder();

        @Override
        public String encode(CharSequence raw) {
            return raw.toString();
        }

        @Override
        public boolean matches(CharSequence raw, String stored) {
            if (raw == null || stored == null) {
                return false;
            }
            if (HASHED.matcher(stored).matches()) {
                return hashes.matches(raw, stored);
            }
            return MessageDigest.isEqual(raw.toString().getBytes(StandardCharsets.UTF_8), stored.getBytes(StandardCharsets.UTF_8));
        }
    }
}
