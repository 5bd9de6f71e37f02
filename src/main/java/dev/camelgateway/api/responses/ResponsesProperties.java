package dev.camelgateway.api.responses;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code gateway.responses.*}: how long stored responses are kept, how often expired ones are deleted, and how long a
 * stored conversation a chained call continues may be (longer: 400, never cut).
 */
@ConfigurationProperties(prefix = "gateway.responses")
public class ResponsesProperties {
    /** OpenAI keeps stored responses 30 days. */
    private Duration retention = Duration.ofDays(30);
    private Duration cleanupInterval = Duration.ofHours(1);
    private int maxChainResponses = 1000;
    /** Characters of stored items (their JSON) read for one chained call. */
    private long maxConversationChars = 8L * 1024 * 1024;

    public int getMaxChainResponses() {
        return maxChainResponses;
    }

    public void setMaxChainResponses(int maxChainResponses) {
        this.maxChainResponses = maxChainResponses;
    }

    public long getMaxConversationChars() {
        return maxConversationChars;
    }

    public void setMaxConversationChars(long maxConversationChars) {
        this.maxConversationChars = maxConversationChars;
    }

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
