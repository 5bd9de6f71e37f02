package dev.camelgateway.provider;

import dev.camelgateway.usage.Usage;

import java.util.List;

/**
 * What one upstream stream event becomes: zero or more OpenAI chunk payloads (the JSON after {@code data: }), the
 * usage the event reported (or null), and the model output text it carried.
 */
public record StreamOutput(List<String> chunks, Usage usage, String text) {
    public static final StreamOutput NOTHING = new StreamOutput(List.of(), null, "");

    /** @param text the model output these chunks carry (content and tool-call arguments), for token estimates */
    public StreamOutput {
        text = text == null ? "" : text;
    }

    public StreamOutput(List<String> chunks, Usage usage) {
        this(chunks, usage, "");
    }

    public static StreamOutput of(String chunk) {
        return new StreamOutput(List.of(chunk), null, "");
    }

    public static StreamOutput of(String chunk, String text) {
        return new StreamOutput(List.of(chunk), null, text);
    }
}
