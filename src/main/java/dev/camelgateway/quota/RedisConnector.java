package dev.camelgateway.quota;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One shared Lettuce connection (thread-safe), connected in the background from construction on, so that the gateway
 * starts while Redis is down and no request waits for a connect longer than the command timeout. Commands time out;
 * a lost connection rejects commands at once while Lettuce reconnects in the background (every second at most); a
 * failed first connect is tried again a second later, and until then every call is refused at once.
 */
final class RedisConnector implements AutoCloseable {
    /** A connect (TCP and handshake) may take this long: a cold JVM's first one takes more than a command. */
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final long CONNECT_EVERY_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final Duration commandTimeout;
    private final ClientResources resources;
    private final RedisURI uri;
    private final RedisClient client;
    private volatile StatefulRedisConnection<String, String> connection;
    private CompletableFuture<StatefulRedisConnection<String, String>> connecting; // guarded by this
    private long connectedAt; // guarded by this: when the last connect started

    RedisConnector(RedisURI uri, Duration commandTimeout) {
        this.commandTimeout = commandTimeout;
        this.resources = ClientResources.builder()
                .reconnectDelay(Delay.exponential(Duration.ofMillis(10), Duration.ofSeconds(1), 2, TimeUnit.MILLISECONDS))
                .build();
        Duration connectTimeout = commandTimeout.compareTo(CONNECT_TIMEOUT) > 0 ? commandTimeout : CONNECT_TIMEOUT;
        this.uri = RedisURI.builder(uri).withTimeout(connectTimeout).build();
        this.client = RedisClient.create(resources);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(commandTimeout))
                .socketOptions(SocketOptions.builder().connectTimeout(connectTimeout).build())
                .build());
        connectAttempt();
    }

    RedisCommands<String, String> commands() {
        StatefulRedisConnection<String, String> open = connection;
        if (open == null) {
            open = awaitConnection();
        }
        return open.sync();
    }

    private StatefulRedisConnection<String, String> awaitConnection() {
        try {
            StatefulRedisConnection<String, String> open =
                    connectAttempt().get(commandTimeout.toNanos(), TimeUnit.NANOSECONDS);
            connection = open;
            return open;
        } catch (TimeoutException e) {
            throw new QuotaStoreUnavailable("still connecting to Redis", e);
        } catch (ExecutionException e) {
            throw new QuotaStoreUnavailable("cannot connect to Redis", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new QuotaStoreUnavailable("interrupted while connecting to Redis", e);
        }
    }

    /** Waits up to {@code within} for the first connect: false if Redis cannot be reached by then. */
    boolean awaitConnected(Duration within) {
        try {
            connection = connectAttempt().get(within.toNanos(), TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException | ExecutionException | QuotaStoreUnavailable e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The connect under way or done; a new one if the last failed at least a second ago. */
    private synchronized CompletableFuture<StatefulRedisConnection<String, String>> connectAttempt() {
        if (connecting != null && connecting.isCompletedExceptionally()) {
            if (System.nanoTime() - connectedAt < CONNECT_EVERY_NANOS) {
                throw new QuotaStoreUnavailable("Redis refused the last connect; trying again within a second", null);
            }
            connecting = null;
        }
        if (connecting == null) {
            connectedAt = System.nanoTime();
            connecting = client.connectAsync(StringCodec.UTF8, uri)
                    .toCompletableFuture()
                    .thenApply(open -> {
                        open.setTimeout(commandTimeout);
                        return open;
                    });
        }
        return connecting;
    }

    @Override
    public void close() {
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        resources.shutdown(0, 2, TimeUnit.SECONDS);
    }
}
