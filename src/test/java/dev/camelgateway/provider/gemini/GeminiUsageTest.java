package dev.camelgateway.provider.gemini;

import dev.camelgateway.api.Json;
import dev.camelgateway.usage.Usage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GeminiUsageTest {

    @Test
    void aCountGeminiDidNotSendIsUnknownNotZero() throws Exception {
        Usage usage = GeminiUsage.toUsage(Json.parse("{\"promptTokenCount\":12,\"totalTokenCount\":12}"));

        assertThat(usage.promptTokens()).isEqualTo(12L);
        assertThat(usage.completionTokens()).isNull();
        assertThat(usage.totalTokens()).as("Gemini's own total is kept").isEqualTo(12L);
    }

    @Test
    void thoughtsAloneAreTheCompletion() throws Exception {
        Usage usage = GeminiUsage.toUsage(Json.parse("{\"promptTokenCount\":5,\"thoughtsTokenCount\":7}"));

        assertThat(usage.completionTokens()).isEqualTo(7L);
        assertThat(usage.totalTokens()).isEqualTo(12L);
    }
}
