package dev.camelgateway.support;

import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Checks that a text holds no provider key of the test gateway (or a given secret), whole or as any 8-character part. */
public final class KeyLeaks {
    private static final int FRAGMENT = 8;

    private KeyLeaks() {
    }

    public static void assertNoKeyIn(String where, String text) {
        for (String key : List.of(GatewayTestSupport.OPENAI_KEY, GatewayTestSupport.ANTHROPIC_KEY,
                GatewayTestSupport.GEMINI_KEY, GatewayTestSupport.MISTRAL_KEY, GatewayTestSupport.AZURE_KEY,
                GatewayTestSupport.AZURE_CLIENT_SECRET)) {
            assertNoPartIn(key, where, text);
        }
    }

    /** {@code text} holds no 8-character part of {@code secret} (a provider key, a gateway key). */
    public static void assertNoPartIn(String secret, String where, String text) {
        for (int i = 0; i + FRAGMENT <= secret.length(); i++) {
            String fragment = secret.substring(i, i + FRAGMENT);
            assertThat(text.contains(fragment)).as("%s holds '%s', a part of a secret:%n%s", where, fragment, text)
                    .isFalse();
        }
    }

    /** Body and every header. */
    public static void assertNoKeyIn(HttpResponse<String> response) {
        assertNoKeyIn("the response body", response.body());
        assertNoKeyIn("the response headers", response.headers().map().toString());
    }
}
