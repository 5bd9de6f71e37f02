package dev.camelgateway.api;

/** A client-sent string quoted in an error message: printable ASCII, and short, whatever the client sent. */
public final class Bounded {
    private static final int MAX = 100;

    private Bounded() {
    }

    public static String of(String value) {
        String printable = value.replaceAll("[^\\x20-\\x7E]", "?");
        return printable.length() > MAX ? printable.substring(0, MAX) + "…" : printable;
    }
}
