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
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * platform-http's Spring Boot engine, serving each exchange on the Tomcat thread that received the request.
 * <p>
 * The starter's consumer hands every request to Spring's task executor and returns a future, so Spring MVC runs it
 * as an async request: a thread hand-off, {@code startAsync} and a second dispatch through the filters and the
 * DispatcherServlet when it completes. Profiled under load that was about a quarter of the gateway's CPU per
 * request, for nothing: an in-flight request holds a thread either way (BENCHMARKS.md). Here the consumer's executor
 * runs the starter's own {@code service} on the calling thread, and the consumer returns no future, which Spring MVC
 * takes as "response handled". In-flight requests are thus bounded by {@code server.tomcat.threads.max}.
 * Pinned by InlinePlatformHttpEngineTest.
 */
@Configuration(proxyBeanMethods = false)
public class InlinePlatformHttpEngine {
    @Bean(PlatformHttpConstants.PLATFORM_HTTP_ENGINE_NAME) // the name platform-http looks up
    PlatformHttpEngine platformHttpEngine(Environment environment) {
        int port = environment.getProperty("server.port", Integer.class, 8080);
        return new SpringBootPlatformHttpEngine(port) {
            @Override
            public PlatformHttpConsumer createConsumer(PlatformHttpEndpoint endpoint, Processor processor) {
                return new InlineConsumer(endpoint, processor);
            }
        };
    }

    static final class InlineConsumer extends SpringBootPlatformHttpConsumer {
        InlineConsumer(PlatformHttpEndpoint endpoint, Processor processor) {
            super(endpoint, processor, Runnable::run);
        }

        /**
         * The starter's {@code service} (exchange, error handling and all), which with this executor has finished when
         * it returns; {@code null} instead of its completed future keeps Spring MVC from going async.
         */
        @Override
        public CompletableFuture<Void> service(HttpServletRequest request, HttpServletResponse response) {
            try {
                super.service(request, response).join(); // complete already: join only rethrows what escaped the exchange
            } catch (CompletionException e) {
                if (e.getCause() instanceof Error error) {
                    throw error; // as thrown, for the servlet container's error page
                }
                throw e;
            }
            return null;
        }
    }
}
