package dev.camelgateway.quota;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Values by id, each with an expiry, purged in expiry order: O(expired) per purge (a Redis sorted set's job). */
final class ExpiringMap<V> {
    private record Entry<V>(String id, long expiresAt, V value) {
    }

    private final Map<String, Entry<V>> byId = new HashMap<>();
    private final TreeSet<Entry<V>> byExpiry =
            new TreeSet<>(Comparator.comparingLong((Entry<V> entry) -> entry.expiresAt()).thenComparing(Entry::id));

    /** Adds or replaces; returns the replaced value or null. */
    V put(String id, long expiresAt, V value) {
        V previous = remove(id);
        Entry<V> entry = new Entry<>(id, expiresAt, value);
        byId.put(id, entry);
        byExpiry.add(entry);
        return previous;
    }

    V remove(String id) {
        Entry<V> entry = byId.remove(id);
        if (entry == null) {
            return null;
        }
        byExpiry.remove(entry);
        return entry.value();
    }

    /** Moves an entry's expiry to {@code expiresAt} (never earlier); false when it is not held. */
    boolean extend(String id, long expiresAt) {
        Entry<V> entry = byId.get(id);
        if (entry == null) {
            return false;
        }
        if (expiresAt > entry.expiresAt()) {
            put(id, expiresAt, entry.value());
        }
        return true;
    }

    boolean contains(String id) {
        return byId.containsKey(id);
    }

    int size() {
        return byId.size();
    }

    /** Removes the entries expiring at or before {@code nowMillis} and returns their values. */
    List<V> purge(long nowMillis) {
        List<V> expired = new ArrayList<>();
        while (!byExpiry.isEmpty() && byExpiry.first().expiresAt() <= nowMillis) {
            Entry<V> entry = byExpiry.pollFirst();
            byId.remove(entry.id());
            expired.add(entry.value());
        }
        return expired;
    }
}
