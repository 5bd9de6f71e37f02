package dev.camelgateway.api.responses;

/** Where output item ids come from: random in the gateway ({@link #RANDOM}), a counter in fixture tests. */
@FunctionalInterface
public interface ItemIds {
    ItemIds RANDOM = ResponsesItems::newId;

    /** A new id with this prefix ({@code msg}, {@code fc}). */
    String next(String prefix);
}
