package dev.camelgateway.provider.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelgateway.api.GatewayException;
import dev.camelgateway.api.Json;
import dev.camelgateway.api.responses.ResponseFailedEvent;
import dev.camelgateway.api.responses.ResponsesRequest;
import dev.camelgateway.api.responses.ResponsesUsage;
import dev.camelgateway.provider.UpstreamJson;
import dev.camelgateway.provider.UpstreamStreamException;
import dev.camelgateway.stream.ClientStream;
import dev.camelgateway.stream.SseEvent;
import dev.camelgateway.stream.SseFrame;
import dev.camelgateway.usage.Usage;

import java.util.List;
import java.util.Set;

/**
 * An upstream's Responses stream forwarded event for event (its {@code event:} name and data as sent), read for its
 * usage (from {@code response.completed}, {@code .incomplete} or {@code .failed}) and output text. Complete only after
 * {@code response.completed} or {@code response.incomplete}, whose response is stored before it is forwarded (a
 * stateless deployment's events carry the gateway's id for the response instead of the upstream's); an
 * in-band {@code error} or {@code response.failed} fails the attempt with the upstream's own event as its frame; a body
 * that ends before a terminal event was cut ({@code response.failed} from the gateway). One per attempt.
 */
final class OpenAiResponsesStream implements ClientStream {
    private static final Set<String> FINISHED = Set.of("response.completed", "response.incomplete");
    private static final Set<String> TEXT_DELTAS = Set.of("response.output_text.delta", "response.refusal.delta",
            "response.function_call_arguments.delta");
    private final ResponsesRequest request;
    private final boolean upstreamHeld;
    private final String ownId;
    private ObjectNode announced;
    private int lastSequence = -1;
    private boolean finished;
    private SseFrame inBandFrame;
    private Usage usage;

    /** @param ownId the id that replaces the upstream's in every event's response (null: the upstream's stays) */
    OpenAiResponsesStream(ResponsesRequest request, boolean upstreamHeld, String ownId) {
        this.request = request;
        this.upstreamHeld = upstreamHeld;
        this.ownId = ownId;
    }

    @Override
    public ClientFrames next(SseEvent event) {
        if (finished || "[DONE]".equals(event.data())) {
            return ClientFrames.NOTHING; // nothing counts after the terminal event; some servers add [DONE]
        }
        ObjectNode data = UpstreamJson.event(event.data(), "stream event");
        String type = data.path("type").asText(event.event() == null ? "" : event.event());
        lastSequence = Math.max(lastSequence, data.path("sequence_number").asInt(lastSequence));
        JsonNode response = data.get("response");
        String forwarded = event.data();
        if (ownId != null && response instanceof ObjectNode renamed) {
            renamed.put("id", ownId);
            forwarded = Json.write(data);
        }
        if (response instanceof ObjectNode announcedNow) {
            announced = announcedNow;
            Usage reported = ResponsesUsage.toUsage(announcedNow.get("usage"));
            usage = reported != null ? reported : usage;
        }
        if (type.equals("error") || type.equals("response.failed")) {
            throw inBand(type, data, forwarded);
        }
        if (FINISHED.contains(type)) {
            if (!(response instanceof ObjectNode finishedResponse)) {
                throw new UpstreamStreamException(UpstreamStreamException.PROTOCOL_ERROR, "The upstream's " + type
                        + " event carries no response.");
            }
            finished = true;
            request.finished(finishedResponse, upstreamHeld); // stored before the client hears it is finished
        }
        String text = TEXT_DELTAS.contains(type) ? data.path("delta").asText("") : "";
        SseFrame frame = new SseFrame(event.event() != null ? event.event() : type, forwarded);
        return new ClientFrames(List.of(frame), FINISHED.contains(type) ? usage : null, text);
    }

    /**
     * The upstream's in-band error as this attempt's failure: classified, retried and fallen back from as chat's are
     * (its cause, with the status its code implies); before the first byte the client gets that status with the error
     * in OpenAI's envelope, after it the upstream's own event ({@link #error}).
     */
    private GatewayException inBand(String type, ObjectNode data, String forwarded) {
        JsonNode error = type.equals("error") ? data : data.path("response").path("error");
        if (!error.isObject()) {
            error = data;
        }
        int status = OpenAiStreamErrors.impliedStatus(error);
        inBandFrame = new SseFrame(type, forwarded);
        return OpenAiStreamErrors.toException(error, OpenAiErrorMapper.toGatewayStatus(status))
                .asSentBy("responses", status, OpenAiStreamErrors.envelope(error, status));
    }

    @Override
    public ClientFrames finish() {
        if (!finished) {
            throw new UpstreamStreamException(UpstreamStreamException.INTERRUPTED,
                    "The upstream stream ended before response.completed.");
        }
        return ClientFrames.NOTHING;
    }

    /** Nothing follows the upstream's own terminal event (the Responses API sends no [DONE]). */
    @Override
    public List<SseFrame> end() {
        return List.of();
    }

    /** The upstream's own error event as it came; for the gateway's own errors, response.failed. */
    @Override
    public List<SseFrame> error(String errorBody) {
        if (inBandFrame != null) {
            return List.of(inBandFrame);
        }
        return List.of(ResponseFailedEvent.of(announced, request.body(), errorBody, lastSequence + 1));
    }

    @Override
    public Usage usageSoFar() {
        return usage;
    }
}
