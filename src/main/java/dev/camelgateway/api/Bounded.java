package dev.camelgateway.api;

import java.util.regex.Pattern;

/** Strings from outside (a client, an upstream) made safe to quote, echo or store: printable ASCII, and short. */
public final class Bounded {
    private static final int MAX = 100;
    private static final Pattern UNPRINTABLE = Pattern.compile("[^\\x20-\\x7E]");

    private Bounded() {
    }

    /** As an error message quotes it: anything unprintable shown as {@code ?}, cut to 100 characters. */
    public static String of(String value) {
        String printable = UNPRINTABLE.matcher(value).replaceAll("?");
        return printable.length() > MAX ? printable.substring(0, MAX) + "…" : printable;
    }

    /**
     * As a header or a column keeps it: unprintable characters dropped (no line break can be smuggled into a header),
     * trimmed, cut to {@code max}; null when nothing is left.
     */
    public static String printable(String value, int max) {
        if (value == null) {
            return null;
        }
        String printable = UNPRINTABLE.matcher(value).replaceAll("").strip();
        if (printable.isEmpty()) {
            return null;
        }
        return printable.length() <= max ? printable : printable.substring(0, max);
    }
}
