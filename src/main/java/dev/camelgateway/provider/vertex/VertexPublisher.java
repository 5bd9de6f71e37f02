package dev.camelgateway.provider.vertex;

import dev.camelgateway.api.Bounded;
import dev.camelgateway.api.GatewayException;

import java.util.regex.Pattern;

/**
 * Whose model a Vertex AI model name is, and so which wire format it speaks: {@code claude-*} is Anthropic's (Claude on
 * Vertex AI, the Messages format through {@code rawPredict}), every other name is Google's (Gemini, the
 * {@code generateContent} format). Vertex AI names Claude models so ({@code claude-sonnet-4-5@20250929}).
 */
enum VertexPublisher {
    GOOGLE("google"),
    ANTHROPIC("anthropic");

    /**
     * Vertex AI's model ids: letters, digits, {@code .}, {@code _}, {@code -}, and at most one {@code @version}
     * (Claude's). Nothing else may reach the URL path ({@code :} starts the method, {@code /}, {@code %}, {@code ;}
     * and {@code ?} would change which URL it is).
     */
    private static final Pattern MODEL_ID = Pattern.compile("[A-Za-z0-9._-]+(@[A-Za-z0-9._-]+)?");

    private final String path;

    VertexPublisher(String path) {
        this.path = path;
    }

    /** The URL segment after {@code publishers/}. */
    String path() {
        return path;
    }

    static VertexPublisher of(String model) {
        return model.startsWith("claude-") ? ANTHROPIC : GOOGLE;
    }

    static void checkModel(String model) {
        if (!MODEL_ID.matcher(model).matches() || model.contains("..")) {
            throw GatewayException.badRequest("Invalid model '" + Bounded.of(model) + "': a Vertex AI model name may "
                    + "contain only letters, digits, '.', '_', '-' and one '@version', and not '..'.", "model", "invalid_value");
        }
    }
}
