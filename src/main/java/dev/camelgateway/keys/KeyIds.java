package dev.camelgateway.keys;

import dev.camelgateway.routing.InvalidConfigurationException;

import java.util.regex.Pattern;

/**
 * Key and team ids: they become ledger values, log words and (teams declared in config) metric tags, so they are
 * short and plain. Ids of keys made through /admin start with {@code key-}; configured ones may not, so the two
 * never collide.
 */
public final class KeyIds {
    public static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

    private KeyIds() {
    }

    public static boolean valid(String id) {
        return id != null && ID.matcher(id).matches();
    }

    static void check(String id, String where) {
        if (!valid(id)) {
            throw new InvalidConfigurationException(where + ": '" + id + "' is not a valid id (letters, digits, '_', "
                    + "'.', '-'; at most 64; starting with a letter or digit)");
        }
        if (where.endsWith(".keys") && id.startsWith("key-")) {
            throw new InvalidConfigurationException(where + ": '" + id + "' starts with 'key-', which is kept for keys "
                    + "made through /admin");
        }
    }
}
