package dev.camelgateway.provider;

import dev.camelgateway.usage.Usage;

import java.util.List;

/**
 * What one upstream stream event becomes: zero or more OpenAI chunk payloads (the JSON after {@code data: })
 * and the usage the event reported, or null when it reported none.
 */
public record StreamOutput(List<String> chunks, Usage usage) {
    public static final StreamOutput NOTHING = new StreamOutput(List.of(), null);

    public static StreamOutput of(String chunk) {
        return new StreamOutput(List.of(chunk), null);
    }
}
