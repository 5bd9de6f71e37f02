package dev.camelgateway.usage;

import io.micrometer.observation.ObservationPredicate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.observation.ServerRequestObservationContext;

/**
 * Chat requests are measured by {@link RequestMetrics} ({@code gateway.requests}, {@code gateway.request.duration},
 * with provider and model); Spring's generic {@code http.server.requests} observation of the same requests cost about
 * 4% of the gateway's CPU per request (BENCHMARKS.md) and is skipped for them. Every other endpoint keeps it.
 */
@Configuration(proxyBeanMethods = false)
public class ChatServerObservations {
    @Bean
    ObservationPredicate skipChatCompletionsServerObservation() {
        return (name, context) -> !(context instanceof ServerRequestObservationContext server
                && server.getCarrier().getRequestURI().endsWith("/chat/completions"));
    }
}
