package dev.camelgateway.provider;

import dev.camelgateway.stream.SseEvent;
import dev.camelgateway.usage.Usage;

/**
 * Turns one upstream stream, event by event, into OpenAI {@code chat.completion.chunk} payloads. One instance per
 * upstream attempt; it keeps the little state the provider's event sequence needs. An upstream error event or a
 * broken sequence throws {@link UpstreamStreamException}; it never ends a broken stream as if it were complete.
 */
public interface StreamMapper {

    StreamOutput toChunks(SseEvent event);

    /**
     * Called at upstream end of stream: returns the closing chunks (e.g. the separate usage chunk), or throws
     * {@link UpstreamStreamException} when the upstream ended before its stream was complete.
     */
    StreamOutput finish();

    /**
     * The usage this attempt consumed as far as the provider told it, for an attempt that ended early (extract before
     * retry); null when the provider reported nothing yet.
     */
    Usage usageSoFar();
}
