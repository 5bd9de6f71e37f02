package dev.camelgateway.provider.openai;

import dev.camelgateway.routing.Target;

import java.util.Map;

/**
 * Where an OpenAI-shaped request goes and how it is authenticated. OpenAI's own ({@link #OPENAI}): {@code base-url}
 * followed by the operation's path, the key as a Bearer header. A cloud that serves the same bodies under other URLs
 * and credentials (Azure OpenAI) declares only these differences and reuses the mappers and bindings of this package.
 */
public interface OpenAiEndpoint {

    OpenAiEndpoint OPENAI = new OpenAiEndpoint() {
        @Override
        public String url(Target target, String operation) {
            return target.provider().endpoint(operation);
        }

        @Override
        public Map<String, String> headers(Target target) {
            return OpenAiRequestMapper.bearer(target);
        }
    };

    /** The full URL of {@code operation}: {@code /chat/completions}, {@code /embeddings} or {@code /responses}. */
    String url(Target target, String operation);

    /** The credential headers of one attempt (their values are secrets: never logged). */
    Map<String, String> headers(Target target);

    /** Whether this deployment has the operation at all (else the client API is served by translation, if it can be). */
    default boolean serves(Target target, String operation) {
        return true;
    }
}
