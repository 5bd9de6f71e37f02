package dev.camelgateway.provider.openai;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelgateway.provider.UpstreamJson;
import dev.camelgateway.provider.StreamMapper;
import dev.camelgateway.provider.StreamOutput;
import dev.camelgateway.provider.UpstreamStreamException;
import dev.camelgateway.stream.SseEvent;

/**
 * What every OpenAI-shaped stream shares (OpenAI, Mistral, any compatible server): data-only events holding
 * chunk objects, an in-band {@code error} object, and {@code data: [DONE]} as the only proof that the stream is
 * complete. Subclasses declare only how a chunk differs from OpenAI's.
 */
public abstract class OpenAiShapedStreamMapper implements StreamMapper {
    private boolean done;

    @Override
    public final StreamOutput toChunks(SseEvent event) {
        if (done) {
            return StreamOutput.NOTHING;
        }
        if ("[DONE]".equals(event.data())) {
            done = true;
            return StreamOutput.NOTHING;
        }
        ObjectNode chunk = UpstreamJson.object(event.data(), "stream event");
        if (chunk.has("error")) {
            throw OpenAiStreamErrors.toException(chunk.get("error"));
        }
        return toChunks(chunk, event.data());
    }

    @Override
    public final StreamOutput finish() {
        if (!done) {
            throw new UpstreamStreamException(UpstreamStreamException.INTERRUPTED, "The upstream stream ended before it "
                    + "was complete: the connection closed without the end-of-stream marker.");
        }
        return closingChunks();
    }

    /** One parsed chunk (and its original text, for passthrough) → the chunks for the client. */
    protected abstract StreamOutput toChunks(ObjectNode chunk, String data);

    /** The chunks to send after the upstream's {@code [DONE]}. */
    protected abstract StreamOutput closingChunks();
}
