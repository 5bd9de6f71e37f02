package dev.camelgateway.provider.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelgateway.provider.UpstreamJson;
import dev.camelgateway.provider.StreamMapper;
import dev.camelgateway.provider.StreamOutput;
import dev.camelgateway.provider.UpstreamStreamException;
import dev.camelgateway.stream.SseEvent;
import dev.camelgateway.usage.Usage;

import java.util.HashSet;
import java.util.Set;

/**
 * What every OpenAI-shaped stream shares (OpenAI, Mistral, any compatible server): data-only events holding
 * chunk objects, an in-band {@code error} object, and the end: {@code data: [DONE]}, or — for servers that omit
 * it — a body that ends after every choice got its {@code finish_reason}. A body that ends before that was cut.
 * Subclasses declare only how a chunk differs from OpenAI's.
 */
public abstract class OpenAiShapedStreamMapper implements StreamMapper {
    private boolean done;
    private Usage reported;
    private final Set<Integer> open = new HashSet<>();
    private final Set<Integer> finished = new HashSet<>();

    @Override
    public final StreamOutput toChunks(SseEvent event) {
        if (done) {
            return StreamOutput.NOTHING;
        }
        if ("[DONE]".equals(event.data())) {
            done = true;
            return StreamOutput.NOTHING;
        }
        ObjectNode chunk = UpstreamJson.event(event.data(), "stream event");
        if (chunk.has("error")) {
            throw OpenAiStreamErrors.toException(chunk.get("error"));
        }
        for (JsonNode choice : chunk.path("choices")) {
            int index = choice.path("index").asInt(0);
            open.add(index);
            if (choice.hasNonNull("finish_reason")) {
                finished.add(index);
            }
        }
        StreamOutput output = toChunks(chunk, event.data());
        if (output.usage() != null) {
            reported = output.usage();
        }
        return output;
    }

    @Override
    public Usage usageSoFar() {
        return reported;
    }

    @Override
    public final StreamOutput finish() {
        boolean complete = done || (!open.isEmpty() && finished.containsAll(open));
        if (!complete) {
            throw new UpstreamStreamException(UpstreamStreamException.INTERRUPTED,
                    "The upstream stream ended before it was complete.");
        }
        return closingChunks();
    }

    /** One parsed chunk (and its original text, for passthrough) → the chunks for the client. */
    protected abstract StreamOutput toChunks(ObjectNode chunk, String data);

    /** The chunks to send after the upstream's {@code [DONE]}. */
    protected abstract StreamOutput closingChunks();
}
