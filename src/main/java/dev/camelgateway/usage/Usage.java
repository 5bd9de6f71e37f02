package dev.camelgateway.usage;

/**
 * Tokens an upstream attempt consumed. A {@code null} field means "not reported", never zero.
 */
public record Usage(Long promptTokens, Long completionTokens, Long totalTokens, Long cachedTokens, Long reasoningTokens) {

    public static Usage of(Long prompt, Long completion) {
        Long total = prompt == null || completion == null ? null : prompt + completion;
        return new Usage(prompt, completion, total, null, null);
    }
}
