package dev.camelgateway.keys;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Gateway key secrets: {@value #PREFIX} and 256 random bits (base64url), shown once, stored as their SHA-256. A slow
 * password hash would add nothing to 256 random bits and cost every request; the prefix lets secret scanners
 * recognise a leaked key.
 */
public final class KeySecrets {
    public static final String PREFIX = "sk-gw-";
    /** A configured secret shorter than this is refused at start-up (a guessable key is no key). */
    public static final int MIN_CONFIGURED_LENGTH = 24;
    private static final SecureRandom RANDOM = new SecureRandom();

    private KeySecrets() {
    }

    public static String newSecret() {
        return PREFIX + randomToken(32);
    }

    /** A key's public id (in lists, ledger rows and logs; not a secret): {@code key-} and 16 random hex digits. */
    public static String newId() {
        byte[] random = new byte[8];
        RANDOM.nextBytes(random);
        return "key-" + HexFormat.of().formatHex(random);
    }

    public static String hash(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** The last four characters, to tell keys apart in a list without revealing them. */
    public static String hint(String secret) {
        return secret.length() <= 8 ? "" : secret.substring(secret.length() - 4);
    }

    private static String randomToken(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
