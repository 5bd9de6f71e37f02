package dev.camelgateway.usage;

/**
 * Tokens an upstream attempt consumed. A {@code null} field means "not reported", never zero.
 */
public record Usage(Long promptTokens, Long completionTokens, Long totalTokens, Long cachedTokens, Long reasoningTokens) {

    /**
     * The usage of a provider whose input count leaves the cached prefix out (Anthropic, Bedrock): the prompt is
     * {@code input + cacheRead + cacheWrite}, the cached tokens the cache reads; not reported when input is not.
     */
    public static Usage ofUncachedInput(Long input, Long cacheRead, Long cacheWrite, Long completion) {
        Long prompt = input == null ? null : input + (cacheRead == null ? 0 : cacheRead) + (cacheWrite == null ? 0 : cacheWrite);
        Long total = prompt == null || completion == null ? null : prompt + completion;
        return new Usage(prompt, completion, total, cacheRead, null);
    }

    public static Usage of(Long prompt, Long completion) {
        Long total = prompt == null || completion == null ? null : prompt + completion;
        return new Usage(prompt, completion, total, null, null);
    }
}
