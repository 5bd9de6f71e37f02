package dev.camelgateway.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.camel.Processor;
import org.apache.camel.component.platform.http.PlatformHttpConstants;
import org.apache.camel.component.platform.http.PlatformHttpEndpoint;
import org.apache.camel.component.platform.http.spi.PlatformHttpConsumer;
import org.apache.camel.component.platform.http.spi.PlatformHttpEngine;
import org.apache.camel.component.platform.http.springboot.SpringBootPlatformHttpConsumer;
import org.apache.camel.component.platform.http.springboot.SpringBootPlatformHttpEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import java.util.concurrent.CompletableFuture;

/**
 * platform-http's Spring Boot engine, serving each exchange on the Tomcat thread that received the request.
 * <p>
 * The starter's consumer hands every request to Spring's task executor and returns a future, so Spring MVC runs it
 * as an async request: a thread hand-off, {@code startAsync} and a second dispatch through the filters and the
 * DispatcherServlet when it completes. Profiled under load that was about a quarter of the gateway's CPU per
 * request, for nothing: an in-flight request holds a thread either way (BENCHMARKS.md). Here the route runs inline
 * and the consumer returns no future, which Spring MVC takes as "response handled". In-flight requests are thus
 * bounded by {@code server.tomcat.threads.max}.
 */
@Configuration(proxyBeanMethods = false)
public class InlinePlatformHttpEngine {
    @Bean(PlatformHttpConstants.PLATFORM_HTTP_ENGINE_NAME) // the name platform-http looks up
    PlatformHttpEngine platformHttpEngine(Environment environment) {
        int port = environment.getProperty("server.port", Integer.class, 8080);
        return new SpringBootPlatformHttpEngine(port, Runnable::run) {
            @Override
            public PlatformHttpConsumer createConsumer(PlatformHttpEndpoint endpoint, Processor processor) {
                return new InlineConsumer(endpoint, processor);
            }
        };
    }

    static final class InlineConsumer extends SpringBootPlatformHttpConsumer {
        private static final Logger LOG = LoggerFactory.getLogger(InlineConsumer.class);

        InlineConsumer(PlatformHttpEndpoint endpoint, Processor processor) {
            super(endpoint, processor, Runnable::run);
        }

        /** As the starter's, without the executor; {@code null}: the response is complete when this returns. */
        @Override
        public CompletableFuture<Void> service(HttpServletRequest request, HttpServletResponse response) {
            try {
                handleService(request, response);
            } catch (Exception e) {
                LOG.warn("Error handling request due to: {}", e.getMessage(), e);
                try {
                    if (!response.isCommitted()) {
                        response.sendError(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
                    }
                } catch (Exception ignored) {
                    // the client is gone
                }
            }
            return null;
        }
    }
}
