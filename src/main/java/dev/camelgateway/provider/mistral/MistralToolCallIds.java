package dev.camelgateway.provider.mistral;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.regex.Pattern;

/**
 * Mistral accepts only tool-call ids of exactly nine characters [a-zA-Z0-9] (error code 3280). Other ids
 * ({@code call_…}, {@code toolu_…}) are rewritten deterministically — a hash in base62 — so the call and its
 * result always get the same new id, in this request and in the next turn. Conforming ids are kept.
 */
final class MistralToolCallIds {
    private static final Pattern VALID = Pattern.compile("[a-zA-Z0-9]{9}");
    private static final char[] BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();

    private MistralToolCallIds() {
    }

    static String toMistralId(String id) {
        if (id == null || VALID.matcher(id).matches()) {
            return id;
        }
        byte[] hash = sha256(id);
        char[] out = new char[9];
        for (int i = 0; i < out.length; i++) {
            out[i] = BASE62[(hash[i] & 0xff) % BASE62.length];
        }
        return new String(out);
    }

    private static byte[] sha256(String id) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
