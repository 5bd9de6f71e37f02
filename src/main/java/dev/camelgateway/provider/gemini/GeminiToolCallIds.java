package dev.camelgateway.provider.gemini;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Gemini function calls have no id, OpenAI's need one: the gateway mints {@code call_<24 hex>} from the response id
 * and the call's position, so the same answer always gets the same ids (streamed or not). A call's
 * {@code thoughtSignature}, which thinking models need back on the next turn, rides along after a {@code ~}, a
 * character outside both base64 alphabets, and is restored when the client sends the call back.
 */
final class GeminiToolCallIds {
    private static final char SIGNATURE_SEPARATOR = '~';

    private GeminiToolCallIds() {
    }

    static String toCallId(String responseId, int candidate, int ordinal, String thoughtSignature) {
        String id = "call_" + HexFormat.of().formatHex(sha256(responseId + "/" + candidate + "/" + ordinal), 0, 12);
        return thoughtSignature == null ? id : id + SIGNATURE_SEPARATOR + thoughtSignature;
    }

    /** The thought signature carried by a tool-call id, or null. */
    static String toThoughtSignature(String callId) {
        int separator = callId == null ? -1 : callId.indexOf(SIGNATURE_SEPARATOR);
        return separator < 0 ? null : callId.substring(separator + 1);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
