package dev.camelgateway.api.responses;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/** {@code gateway.responses.*}: how long stored responses are kept, and how often expired ones are deleted. */
@ConfigurationProperties(prefix = "gateway.responses")
public class ResponsesProperties {
    /** OpenAI keeps stored responses 30 days. */
    private Duration retention = Duration.ofDays(30);
    private Duration cleanupInterval = Duration.ofHours(1);

    public Duration getRetention() {
        return retention;
    }

    public void setRetention(Duration retention) {
        this.retention = retention;
    }

    public Duration getCleanupInterval() {
        return cleanupInterval;
    }

    public void setCleanupInterval(Duration cleanupInterval) {
        this.cleanupInterval = cleanupInterval;
    }
}
