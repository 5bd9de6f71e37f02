package dev.camelgateway.provider.anthropic;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which Claude models continue a final assistant message (prefill). Claude 4.6 and later answer it with a 400
 * ("This model does not support assistant message prefill"); the earlier ones continue it. Read from the model id as
 * Anthropic, Bedrock ({@code us.anthropic.claude-opus-4-6-v1}) and Vertex ({@code claude-opus-4-6@…}) spell it; an id
 * this cannot read is taken as not prefilling (the gateway then regenerates, which every model supports).
 */
public final class ClaudePrefill {
    /** claude-opus-4-6, claude-sonnet-4-5-20250929, claude-3-5-sonnet-20241022, claude-haiku-4-5, claude-opus-5. */
    private static final Pattern NEW_STYLE = Pattern.compile("claude-(?:opus|sonnet|haiku)-(\\d{1,2})(?:-(\\d{1,2}))?(?![0-9])");
    private static final Pattern OLD_STYLE = Pattern.compile("claude-(\\d)(?:-(\\d))?-(?:opus|sonnet|haiku)");

    private ClaudePrefill() {
    }

    public static boolean accepts(String model) {
        Matcher m = NEW_STYLE.matcher(model);
        if (!m.find()) {
            m = OLD_STYLE.matcher(model);
            if (!m.find()) {
                return false;
            }
        }
        int major = Integer.parseInt(m.group(1));
        int minor = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
        return major < 4 || (major == 4 && minor < 6);
    }
}
