package dev.camelgateway.keys;

import dev.camelgateway.quota.Limits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The demo profile's key ({@code make run}): made once, kept in a file readable by its owner only (so the README's
 * curl can read it and it stays the same across restarts), and logged at start-up.
 */
final class DemoKey {
    private static final Logger LOG = LoggerFactory.getLogger(DemoKey.class);
    static final String ID = "demo";

    private DemoKey() {
    }

    static Map<String, GatewayKey> addTo(Map<String, GatewayKey> keys, Path file) {
        String secret = secret(file);
        Map<String, GatewayKey> all = new HashMap<>(keys);
        all.put(KeySecrets.hash(secret), new GatewayKey(ID, "demo key", null, Set.of(), null, true, Map.of(), Limits.NONE,
                null, null, GatewayKey.Source.CONFIG));
        LOG.warn("Demo gateway key (in {}): {}", file.toAbsolutePath(), secret);
        return all;
    }

    private static String secret(Path file) {
        try {
            if (Files.isRegularFile(file)) {
                String existing = Files.readString(file).strip();
                if (existing.startsWith(KeySecrets.PREFIX)) {
                    return existing;
                }
            }
            String secret = KeySecrets.newSecret();
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            Files.deleteIfExists(file);
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(file);
            }
            Files.writeString(file, secret + "\n");
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the demo key in " + file, e);
        }
    }
}
