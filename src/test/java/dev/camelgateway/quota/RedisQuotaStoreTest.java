package dev.camelgateway.quota;

import dev.camelgateway.support.PrivateRedis;
import io.lettuce.core.RedisURI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The contract on the Redis store, a peer being a second instance with its own connection to the same Redis. */
class RedisQuotaStoreTest extends QuotaStoreContract {
    private static PrivateRedis redis;
    private final List<RedisQuotaStore> opened = new ArrayList<>();

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
        redis().flushAll();
    }

    @AfterEach
    void closeStores() {
        opened.forEach(RedisQuotaStore::close);
    }

    @Override
    protected QuotaStore newStore() {
        return open();
    }

    @Override
    protected QuotaStore peerOf(QuotaStore store) {
        return open();
    }

    RedisQuotaStore open() {
        RedisQuotaStore store = new RedisQuotaStore(RedisURI.create(redis().uri()),
                new RedisQuotaStore.Settings("cgw:", Duration.ofMillis(500), TTL), ledger(), clock());
        opened.add(store);
        assertTrue(store.awaitConnected(Duration.ofSeconds(10)), "connected to the private Redis");
        return store;
    }
}
