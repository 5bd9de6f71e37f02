package dev.camelgateway.secrets;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The redactor that every log line passes through ({@link RedactingConverters}). Logback makes its converters itself,
 * before and outside Spring, so they find the keys here: those of every gateway started in this JVM (a key stays
 * masked after its gateway stopped; a line logged before the first start has no key to hide).
 */
public final class LogRedaction {
    private static final Set<String> SECRETS = new LinkedHashSet<>();
    private static volatile SecretRedactor redactor = new SecretRedactor(Set.of());

    private LogRedaction() {
    }

    public static synchronized void register(Collection<String> secrets) {
        SECRETS.addAll(secrets);
        redactor = new SecretRedactor(SECRETS);
    }

    public static String redact(String text) {
        return redactor.redact(text);
    }
}
