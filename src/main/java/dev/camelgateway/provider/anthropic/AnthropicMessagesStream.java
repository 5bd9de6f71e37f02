package dev.camelgateway.provider.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelgateway.api.GatewayException;
import dev.camelgateway.api.Json;
import dev.camelgateway.api.messages.MessagesApi;
import dev.camelgateway.provider.UpstreamJson;
import dev.camelgateway.provider.UpstreamStreamException;
import dev.camelgateway.stream.ClientStream;
import dev.camelgateway.stream.SseEvent;
import dev.camelgateway.stream.SseFrame;
import dev.camelgateway.usage.Usage;

import java.util.List;

/**
 * One attempt's Anthropic event stream passed to an Anthropic Messages client as it came: every event forwarded
 * exactly (its name and data), read on the way for the ledger — usage from {@code message_start} (input) and
 * {@code message_delta} (output, cumulative; newer API versions repeat the input counts there), the output text for
 * an estimate when the stream breaks before its usage. Complete only after {@code message_stop}; an upstream
 * {@code event: error} ends the attempt as a failure whose frame for the client is the upstream's own error data.
 */
final class AnthropicMessagesStream implements ClientStream {
    private JsonNode inputUsage;
    private Usage usage;
    private boolean stopped;

    @Override
    public ClientFrames next(SseEvent event) {
        if (event.data() == null) {
            return ClientFrames.NOTHING;
        }
        ObjectNode data = UpstreamJson.event(event.data(), "Anthropic stream event");
        String type = data.path("type").asText(event.event() == null ? "" : event.event());
        String text = "";
        Usage reported = null;
        switch (type) {
            case "message_start" -> inputUsage = data.path("message").path("usage");
            case "content_block_delta" -> text = deltaText(data.path("delta"));
            case "message_delta" -> {
                JsonNode delta = data.path("usage");
                usage = AnthropicUsage.toUsage(delta.has("input_tokens") ? delta : inputUsage, delta);
                reported = usage;
            }
            case "message_stop" -> stopped = true;
            case "error" -> throw asSent(data);
            default -> {
                // ping, content blocks' start and stop, event types added after this gateway: forwarded as they are
            }
        }
        return new ClientFrames(List.of(new SseFrame(event.event(), oneLine(event.data(), data))), reported, text);
    }

    @Override
    public ClientFrames finish() {
        if (!stopped) {
            throw new UpstreamStreamException(UpstreamStreamException.INTERRUPTED,
                    "The Anthropic stream ended before message_stop.");
        }
        return ClientFrames.NOTHING;
    }

    /** Nothing: the upstream's message_stop was the end, and it was forwarded. */
    @Override
    public List<SseFrame> end() {
        return List.of();
    }

    @Override
    public List<SseFrame> error(String errorBody) {
        return List.of(new SseFrame("error", errorBody));
    }

    @Override
    public Usage usageSoFar() {
        if (usage != null) {
            return usage;
        }
        return inputUsage == null ? null : AnthropicUsage.toUsage(inputUsage, null);
    }

    /** The model's output in a delta: text, tool input, thinking (all billed as output). */
    private static String deltaText(JsonNode delta) {
        return switch (delta.path("type").asText()) {
            case "text_delta" -> delta.path("text").asText("");
            case "input_json_delta" -> delta.path("partial_json").asText("");
            case "thinking_delta" -> delta.path("thinking").asText("");
            default -> "";
        };
    }

    /**
     * The upstream's error as the failure of this attempt: classified and retried as the chat stream's in-band errors
     * are (its cause), told to the client with the upstream's own status and data.
     */
    private static GatewayException asSent(ObjectNode data) {
        UpstreamStreamException inBand = AnthropicErrorMapper.toStreamException(data.path("error"));
        return inBand.asSentBy(MessagesApi.NAME,
                AnthropicErrorMapper.toHttpStatus(data.path("error").path("type").asText(null)), Json.write(data));
    }

    /** The data as sent; a multi-line one (SSE allows it, Anthropic does not send it) as its JSON on one line. */
    private static String oneLine(String raw, ObjectNode parsed) {
        return raw.indexOf('\n') < 0 && raw.indexOf('\r') < 0 ? raw : Json.write(parsed);
    }
}
