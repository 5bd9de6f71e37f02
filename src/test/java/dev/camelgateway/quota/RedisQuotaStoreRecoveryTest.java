package dev.camelgateway.quota;

import dev.camelgateway.quota.QuotaStore.Scope;
import dev.camelgateway.support.MutableClock;
import dev.camelgateway.support.PrivateRedis;
import io.lettuce.core.RedisURI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static dev.camelgateway.quota.LimitsBuilder.limits;
import static dev.camelgateway.quota.QuotaFixture.admitted;
import static dev.camelgateway.quota.QuotaFixture.key;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** What the Redis store does when Redis loses its scripts and keys, restarts, stops, hangs or is down at start. */
class RedisQuotaStoreRecoveryTest implements QuotaFixture {
    private static final Duration COMMAND_TIMEOUT = Duration.ofMillis(500);
    private static final Scope KEY = key("1", limits().dailyTokens(10_000L).rpm(1000L).tpm(100_000L));

    private static PrivateRedis redis;
    private final MutableClock clock = new MutableClock(START);
    private final FakeLedger ledger = new FakeLedger();
    private final List<RedisQuotaStore> opened = new ArrayList<>();
    private RedisQuotaStore store;

    /** Started on first use, so that without redis-server every test reports itself skipped, with the reason. */
    static PrivateRedis redis() {
        if (redis == null) {
            redis = PrivateRedis.start();
        }
        return redis;
    }

    @AfterAll
    static void stopRedis() {
        if (redis != null) {
            redis.close();
        }
    }

    @BeforeEach
    void emptyRedis() {
        redis().restart();
        redis.flushAll();
        store = open();
        assertTrue(store.awaitConnected(Duration.ofSeconds(10)), "connected to the private Redis");
    }

    @AfterEach
    void closeStores() {
        opened.forEach(RedisQuotaStore::close);
        if (redis != null) {
            redis.restart();
        }
    }

    @Test
    void scriptsRedisForgotAreLoadedAgain() {
        admitted(admit("a", 100, KEY));
        redis.flushScripts();
        admitted(admit("b", 100, KEY));
        redis.flushScripts();
        settle("a", 100, 0, KEY);
        redis.flushScripts();
        release("a", KEY);
        release("b", KEY);
        assertDailySpent("key:1", 10_000, 100);
    }

    @Test
    void countersFlushedAreSeededAgainFromTheLedgerOnce() {
        long settled = spendAndRecord();
        redis.flushAll();
        assertDailySpent("key:1", 10_000, settled);
    }

    @Test
    void aRestartedRedisIsReconnectedAndItsCountersSeededAgain() {
        long settled = spendAndRecord();
        redis.stop();
        redis.restart();
        awaitAdmission(Duration.ofSeconds(10));
        assertDailySpent("key:1", 10_000, settled);
    }

    @Test
    void aStoppedRedisIsUnavailableWithinASecond() {
        admitted(admit("a", 100, KEY));
        redis.stop();
        assertUnavailableWithin(Duration.ofSeconds(1), () -> admit("b", 100, KEY));
        assertUnavailableWithin(Duration.ofSeconds(1), () -> settle("a", 100, 0, KEY));
        assertUnavailableWithin(Duration.ofSeconds(1), () -> release("a", KEY));
    }

    @Test
    void aHungRedisIsUnavailableWithinTheCommandTimeout() {
        admitted(admit("a", 100, KEY));
        redis.freeze();
        try {
            assertUnavailableWithin(COMMAND_TIMEOUT.plusMillis(300), () -> admit("b", 100, KEY));
        } finally {
            redis.resume();
        }
        awaitAdmission(Duration.ofSeconds(5));
    }

    @Test
    void aStoreOpenedWhileRedisIsDownConnectsOnceRedisIsUp() {
        redis.stop();
        store = open();
        assertUnavailableWithin(Duration.ofSeconds(1), () -> admit("a", 100, KEY));
        assertUnavailableWithin(Duration.ofMillis(100), () -> admit("a", 100, KEY));
        redis.restart();
        awaitAdmission(Duration.ofSeconds(5));
    }

    /** Five requests settled, each written to the ledger after its settle (as the gateway does); their total. */
    private long spendAndRecord() {
        long total = 0;
        for (int i = 0; i < 5; i++) {
            String id = "r" + i;
            admitted(admit(id, 100, KEY));
            settle(id, 50 + i, 0, KEY);
            ledger.add("key:1", clock.instant(), id + "#1", 50 + i, 0);
            release(id, KEY);
            total += 50 + i;
        }
        return total;
    }

    private void awaitAdmission(Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            try {
                admitted(admit("await", 0, KEY));
                release("await", KEY);
                return;
            } catch (QuotaStoreUnavailable e) {
                if (System.nanoTime() > deadline) {
                    fail("still unavailable after " + within, e);
                }
                sleep();
            }
        }
    }

    private static void assertUnavailableWithin(Duration within, Executable call) {
        long start = System.nanoTime();
        assertThrows(QuotaStoreUnavailable.class, call);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(took.compareTo(within) <= 0, "unavailable only after " + took.toMillis() + " ms");
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private RedisQuotaStore open() {
        RedisQuotaStore opened = new RedisQuotaStore(RedisURI.create(redis().uri()),
                new RedisQuotaStore.Settings("cgw:", COMMAND_TIMEOUT, TTL), ledger, clock);
        this.opened.add(opened);
        return opened;
    }

    @Override
    public QuotaStore store() {
        return store;
    }

    @Override
    public QuotaStore peer() {
        return store;
    }

    @Override
    public MutableClock clock() {
        return clock;
    }

    @Override
    public FakeLedger ledger() {
        return ledger;
    }
}
