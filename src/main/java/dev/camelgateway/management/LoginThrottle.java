package dev.camelgateway.management;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed logins per client address: after {@value #MAX_FAILURES} failures within {@link #WINDOW}, that address may not
 * try again until the window has passed. Passwords are compared cheaply (no hash per attempt), so without this a
 * client could try thousands a second against {@code /admin/*} or {@code /login}. At most {@value #MAX_ADDRESSES}
 * addresses are tracked; past that, new ones are not (the map cannot be grown without bound either).
 */
public final class LoginThrottle {
    static final int MAX_FAILURES = 10;
    static final Duration WINDOW = Duration.ofMinutes(1);
    static final int MAX_ADDRESSES = 10_000;
    private final Clock clock;
    private final ConcurrentHashMap<String, Failures> failures = new ConcurrentHashMap<>();

    public LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** Seconds until this address may try again, or 0. */
    public long retryAfterSeconds(String address) {
        Failures f = failures.get(address);
        long now = clock.millis();
        if (f == null || now >= f.windowEnd) {
            return 0;
        }
        return f.count >= MAX_FAILURES ? Math.max(1, (f.windowEnd - now + 999) / 1000) : 0;
    }

    public void failed(String address) {
        long now = clock.millis();
        if (failures.size() >= MAX_ADDRESSES) {
            failures.values().removeIf(f -> now >= f.windowEnd);
            if (failures.size() >= MAX_ADDRESSES && !failures.containsKey(address)) {
                return;
            }
        }
        failures.compute(address, (k, f) -> f == null || now >= f.windowEnd ? new Failures(1, now + WINDOW.toMillis())
                : new Failures(f.count + 1, f.windowEnd));
    }

    private record Failures(int count, long windowEnd) {
    }
}
