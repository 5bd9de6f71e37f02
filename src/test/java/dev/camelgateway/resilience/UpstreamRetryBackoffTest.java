package dev.camelgateway.resilience;

import dev.camelgateway.routing.Resilience;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class UpstreamRetryBackoffTest {

    @Test
    void aJitteredBackoffNeverExceedsMaxDelay() {
        Resilience.Retry policy = new Resilience.Retry();
        policy.setBaseDelay(Duration.ofSeconds(1));
        policy.setMultiplier(4);
        policy.setMaxDelay(Duration.ofSeconds(3));
        policy.setJitter(0.5);
        long longest = 0;
        for (int i = 0; i < 2000; i++) {
            long wait = UpstreamRetry.backoffMillis(policy, 3); // 16 s before the cap
            assertThat(wait).isBetween(1500L, 3000L);
            longest = Math.max(longest, wait);
        }
        assertThat(longest).as("the cap is reached, not avoided").isEqualTo(3000L);
    }

    @Test
    void belowTheCapTheWaitIsSpreadAroundTheExponentialBackoff() {
        Resilience.Retry policy = new Resilience.Retry();
        policy.setBaseDelay(Duration.ofMillis(100));
        policy.setJitter(0.2);
        for (int i = 0; i < 500; i++) {
            assertThat(UpstreamRetry.backoffMillis(policy, 2)).isBetween(160L, 240L);
        }
    }
}
