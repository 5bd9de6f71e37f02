package dev.camelgateway.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/** {@code gateway.demo.*}: how the built-in demo upstream behaves. */
@ConfigurationProperties(prefix = "gateway.demo")
public class DemoProperties {
    /** Pause between two streamed words, so streaming is visible in a terminal. */
    private Duration wordDelay = Duration.ofMillis(40);

    public Duration getWordDelay() {
        return wordDelay;
    }

    public void setWordDelay(Duration wordDelay) {
        this.wordDelay = wordDelay;
    }
}
