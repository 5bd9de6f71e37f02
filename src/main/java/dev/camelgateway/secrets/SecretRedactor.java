package dev.camelgateway.secrets;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Replaces, in any text, every run of at least {@value #WINDOW} consecutive characters of any secret (the whole
 * secret, a prefix, a suffix or a middle part) with {@value #MASK}. Upstreams echo a key whole, cut ("sk-proj-abc…")
 * or inside other text, so matching the whole key is not enough. A secret shorter than {@value #WINDOW} characters
 * is matched whole; empty and blank secrets are ignored.
 * <p>
 * Cheap for the short texts it sees on every error and log line: one pass over the text, with a rolling hash of each
 * {@value #WINDOW}-character window looked up in a table of the secrets' windows (a hit is verified character by
 * character). A text without a secret comes back as the same instance, with nothing allocated.
 */
public final class SecretRedactor {
    public static final String MASK = "[redacted]";
    static final int WINDOW = 8;
    private static final long BASE = 0x100000001B3L; // FNV's 64-bit prime: any odd multiplier would do
    private static final long BASE_TO_WINDOW_MINUS_ONE = power(BASE, WINDOW - 1);

    private final String[] shortSecrets;
    /** Open addressing: {@code windows[slot]} is a secret's window (null: empty slot), {@code hashes[slot]} its hash. */
    private final String[] windows;
    private final long[] hashes;
    private final int slotMask;
    private final boolean hasWindows;

    public SecretRedactor(Collection<String> secrets) {
        Set<String> windowSet = new LinkedHashSet<>();
        Set<String> shortSet = new LinkedHashSet<>();
        for (String secret : secrets) {
            if (secret == null || secret.isBlank()) {
                continue;
            }
            if (secret.length() < WINDOW) {
                shortSet.add(secret);
            }
            for (int i = 0; i + WINDOW <= secret.length(); i++) {
                windowSet.add(secret.substring(i, i + WINDOW));
            }
        }
        shortSecrets = shortSet.toArray(String[]::new);
        hasWindows = !windowSet.isEmpty();
        int size = Integer.highestOneBit(Math.max(8, windowSet.size() * 2) - 1) << 1; // at most half full
        windows = new String[size];
        hashes = new long[size];
        slotMask = size - 1;
        for (String window : windowSet) {
            long hash = hash(window, 0);
            int slot = slot(hash);
            while (windows[slot] != null) {
                slot = (slot + 1) & slotMask;
            }
            windows[slot] = window;
            hashes[slot] = hash;
        }
    }

    /** The text with every secret part masked; null stays null. */
    public String redact(String text) {
        if (text == null || (!hasWindows && shortSecrets.length == 0)) {
            return text;
        }
        List<int[]> runs = windowRuns(text);
        for (String secret : shortSecrets) {
            for (int at = text.indexOf(secret); at >= 0; at = text.indexOf(secret, at + 1)) {
                runs = add(runs, at, at + secret.length());
            }
        }
        return runs == null ? text : mask(text, runs);
    }

    /** The spans covered by the secrets' windows, overlapping and adjacent ones merged; null when there is none. */
    private List<int[]> windowRuns(String text) {
        if (!hasWindows || text.length() < WINDOW) {
            return null;
        }
        List<int[]> runs = null;
        int runStart = -1;
        int runEnd = -1;
        long hash = hash(text, 0);
        for (int i = 0; ; i++) {
            if (isWindow(text, i, hash)) {
                if (i > runEnd) {
                    runs = runStart < 0 ? runs : add(runs, runStart, runEnd);
                    runStart = i;
                }
                runEnd = i + WINDOW;
            }
            if (i + WINDOW >= text.length()) {
                break;
            }
            hash = (hash - text.charAt(i) * BASE_TO_WINDOW_MINUS_ONE) * BASE + text.charAt(i + WINDOW);
        }
        return runStart < 0 ? runs : add(runs, runStart, runEnd);
    }

    private boolean isWindow(String text, int start, long hash) {
        for (int slot = slot(hash); windows[slot] != null; slot = (slot + 1) & slotMask) {
            if (hashes[slot] == hash && text.regionMatches(start, windows[slot], 0, WINDOW)) {
                return true;
            }
        }
        return false;
    }

    private static List<int[]> add(List<int[]> runs, int start, int end) {
        List<int[]> list = runs == null ? new ArrayList<>() : runs;
        list.add(new int[] {start, end});
        return list;
    }

    /** Masks the runs (in any order, possibly overlapping), never splitting a surrogate pair. */
    private static String mask(String text, List<int[]> runs) {
        runs.sort((a, b) -> Integer.compare(a[0], b[0]));
        StringBuilder out = new StringBuilder(text.length());
        int copied = 0;
        int i = 0;
        while (i < runs.size()) {
            int start = runs.get(i)[0];
            int end = runs.get(i)[1];
            for (i++; i < runs.size() && runs.get(i)[0] <= end; i++) {
                end = Math.max(end, runs.get(i)[1]);
            }
            if (start > 0 && Character.isLowSurrogate(text.charAt(start)) && Character.isHighSurrogate(text.charAt(start - 1))) {
                start--;
            }
            if (end < text.length() && Character.isLowSurrogate(text.charAt(end)) && Character.isHighSurrogate(text.charAt(end - 1))) {
                end++;
            }
            out.append(text, copied, Math.max(copied, start)).append(MASK);
            copied = Math.max(copied, end);
        }
        return out.append(text, copied, text.length()).toString();
    }

    private int slot(long hash) {
        return (int) ((hash * 0x9E3779B97F4A7C15L) >>> 40) & slotMask;
    }

    /** The polynomial hash of {@code text[start, start + WINDOW)}, the one the rolling update keeps. */
    private static long hash(String text, int start) {
        long hash = 0;
        for (int i = start; i < start + WINDOW; i++) {
            hash = hash * BASE + text.charAt(i);
        }
        return hash;
    }

    private static long power(long base, int exponent) {
        long result = 1;
        for (int i = 0; i < exponent; i++) {
            result *= base;
        }
        return result;
    }
}
