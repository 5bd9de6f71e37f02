package dev.camelgateway.provider.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelgateway.api.Json;
import dev.camelgateway.provider.StreamMapper;
import dev.camelgateway.provider.StreamOutput;
import dev.camelgateway.provider.UpstreamStreamException;
import dev.camelgateway.stream.SseEvent;

import java.io.IOException;
import java.util.List;

/**
 * OpenAI-type streams pass through unchanged, event for event. Each event is still parsed: to take the usage
 * chunk, to turn an in-band {@code error} into the error contract, and to know whether the upstream really
 * finished ({@code [DONE]}) or was cut.
 */
public final class OpenAiStreamMapper implements StreamMapper {
    private boolean done;

    @Override
    public StreamOutput toChunks(SseEvent event) {
        if (done) {
            return StreamOutput.NOTHING;
        }
        if ("[DONE]".equals(event.data())) {
            done = true;
            return StreamOutput.NOTHING;
        }
        JsonNode chunk = parse(event.data());
        if (chunk.has("error")) {
            throw OpenAiStreamErrors.toException(chunk.get("error"));
        }
        JsonNode usage = chunk.get("usage");
        return new StreamOutput(List.of(event.data()), OpenAiUsageExtractor.toUsage(usage));
    }

    @Override
    public StreamOutput finish() {
        if (!done) {
            throw new UpstreamStreamException(UpstreamStreamException.INTERRUPTED,
                    "The upstream stream ended before it was complete: the connection closed without the end-of-stream marker.");
        }
        return StreamOutput.NOTHING;
    }

    static JsonNode parse(String data) {
        try {
            JsonNode node = Json.parse(data);
            if (node.isObject()) {
                return node;
            }
        } catch (IOException e) {
            // reported below
        }
        throw new UpstreamStreamException(UpstreamStreamException.PROTOCOL_ERROR,
                "The upstream sent a stream event that is not a JSON object.");
    }
}
