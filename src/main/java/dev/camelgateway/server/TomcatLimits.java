package dev.camelgateway.server;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The API port's Tomcat, sized so that no load fits more connections than the heap can hold: unless
 * {@code server.tomcat.max-connections} is set, one connection per 128 KiB of heap (4,096 for 512 MiB; a connection
 * that only sends headers costs about 50 KiB, a stream more), and a deadline on request headers
 * ({@link HeaderDeadlineProtocol}). Runs after Spring Boot's own Tomcat customizer.
 */
@Component
@EnableConfigurationProperties(LimitsProperties.class)
public class TomcatLimits implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {
    private static final Logger LOG = LoggerFactory.getLogger(TomcatLimits.class);
    static final long HEAP_PER_CONNECTION = 128 * 1024;
    private final LimitsProperties limits;
    private final Environment environment;

    public TomcatLimits(LimitsProperties limits, Environment environment) {
        this.limits = limits;
        this.environment = environment;
    }

    /** The connections the heap affords. */
    static int connectionsFor(long maxHeap) {
        return (int) Math.max(256, Math.min(16_384, maxHeap / HEAP_PER_CONNECTION));
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        Integer configured = environment.getProperty("server.tomcat.max-connections", Integer.class);
        int connections = configured != null ? configured : connectionsFor(Runtime.getRuntime().maxMemory());
        HeaderDeadlineProtocol.install(factory, limits.getHeaderTimeout(), connections);
        LOG.info("API port: at most {} connections, request headers within {}", connections, limits.getHeaderTimeout());
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
