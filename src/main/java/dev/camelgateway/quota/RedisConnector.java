package dev.camelgateway.quota;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One shared Lettuce connection (thread-safe), opened on first use so that the gateway starts while Redis is down.
 * Nothing waits longer than the command timeout: commands time out, a lost connection rejects commands at once while
 * Lettuce reconnects in the background (every second at most). The first connect is made by one thread while the
 * others wait for it (as long as a connect may take); after a failed one, the next is tried a second later, and
 * until then every call is refused at once.
 */
final class RedisConnector implements AutoCloseable {
    private static final long CONNECT_RETRY_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final ClientResources resources;
    private final RedisClient client;
    private final Duration commandTimeout;
    private final ReentrantLock connecting = new ReentrantLock();
    private volatile StatefulRedisConnection<String, String> connection;
    private volatile long nextConnectAt = System.nanoTime();

    RedisConnector(RedisURI uri, Duration commandTimeout) {
        this.commandTimeout = commandTimeout;
        this.resources = ClientResources.builder()
                .reconnectDelay(Delay.exponential(Duration.ofMillis(10), Duration.ofSeconds(1), 2, TimeUnit.MILLISECONDS))
                .build();
        this.client = RedisClient.create(resources, RedisURI.builder(uri).withTimeout(commandTimeout).build());
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(commandTimeout))
                .socketOptions(SocketOptions.builder().connectTimeout(commandTimeout).build())
                .build());
    }

    RedisCommands<String, String> commands() {
        StatefulRedisConnection<String, String> open = connection;
        return open != null ? open.sync() : connect().sync();
    }

    private StatefulRedisConnection<String, String> connect() {
        if (!awaitConnecting()) {
            throw new QuotaStoreUnavailable("still connecting to Redis", null);
        }
        try {
            if (connection == null) {
                if (System.nanoTime() - nextConnectAt < 0) {
                    throw new QuotaStoreUnavailable("Redis refused the last connection; retrying within a second", null);
                }
                try {
                    connection = client.connect();
                } catch (RedisException e) {
                    nextConnectAt = System.nanoTime() + CONNECT_RETRY_NANOS;
                    throw new QuotaStoreUnavailable("cannot connect to Redis", e);
                }
            }
            return connection;
        } finally {
            connecting.unlock();
        }
    }

    /** One thread connects (within the connect timeout); the others wait that long for it. */
    private boolean awaitConnecting() {
        try {
            return connecting.tryLock(commandTimeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        StatefulRedisConnection<String, String> open = connection;
        if (open != null) {
            open.close();
        }
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        resources.shutdown(0, 2, TimeUnit.SECONDS);
    }
}
