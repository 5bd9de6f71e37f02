package dev.camelgateway.provider;

import dev.camelgateway.usage.Usage;

/** A whole upstream answer turned into an OpenAI {@code chat.completion}, with the usage it reported (or null). */
public record MappedResponse(byte[] body, Usage usage) {
}
