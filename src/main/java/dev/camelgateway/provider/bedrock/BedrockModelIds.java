package dev.camelgateway.provider.bedrock;

import dev.camelgateway.api.Bounded;
import dev.camelgateway.api.GatewayException;
import dev.camelgateway.routing.Target;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Bedrock model ids in the URL path ({@code /model/{modelId}/converse}): a foundation model id
 * ({@code anthropic.claude-sonnet-4-5-20250929-v1:0}), an inference profile id ({@code us.anthropic.…}) or an ARN
 * ({@code arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/abc}) — ':' and '/' included, so
 * the id is percent-encoded as one path segment, as the AWS SDK sends it.
 */
final class BedrockModelIds {
    /** What ids and ARNs are made of (letters, digits, {@code . _ - : /}); nothing that could alter the URL otherwise. */
    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9._:/-]{1,2048}");

    private BedrockModelIds() {
    }

    static void check(String modelId) {
        if (modelId == null || !ALLOWED.matcher(modelId).matches() || modelId.equals(".") || modelId.equals("..")) {
            throw GatewayException.badRequest("Invalid model '" + Bounded.of(String.valueOf(modelId))
                    + "': a Bedrock model id, inference profile id or ARN has only letters, digits and . _ - : /.",
                    "model", "invalid_value");
        }
    }

    /** {@code {base-url}/model/{modelId}/converse} or {@code …/converse-stream}. */
    static String toUrl(Target target, boolean stream) {
        check(target.upstreamModel());
        return target.provider().endpoint("/model/" + encodeSegment(target.upstreamModel())
                + (stream ? "/converse-stream" : "/converse"));
    }

    /** Anthropic's Claude, by id, profile id or foundation-model ARN: the family that takes {@code thinking}. */
    static boolean isAnthropic(String modelId) {
        return modelId.contains("anthropic.claude");
    }

    /** RFC 3986 percent-encoding of everything but the unreserved characters. */
    static String encodeSegment(String segment) {
        StringBuilder out = new StringBuilder();
        for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append(c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
