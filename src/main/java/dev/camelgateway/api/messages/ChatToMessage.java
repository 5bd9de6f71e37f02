package dev.camelgateway.api.messages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelgateway.api.Json;
import dev.camelgateway.provider.MessageText;

import java.util.List;

/**
 * A canonical {@code chat.completion} → an Anthropic {@code message} (https://docs.anthropic.com/en/api/messages): the
 * first choice's text (or refusal) as a text block and its tool calls as {@code tool_use} blocks (arguments parsed to
 * the input object), the model the client asked for, the stop reason ({@link StopReasons}) and the usage.
 */
final class ChatToMessage {
    private ChatToMessage() {
    }

    static byte[] toMessage(byte[] chatCompletion, String requestedModel, List<String> stopSequences) {
        ObjectNode completion = Json.objectOrNull(chatCompletion);
        JsonNode choice = completion == null ? Json.object() : completion.path("choices").path(0);
        JsonNode message = choice.path("message");
        ObjectNode out = Json.object().put("id", AnthropicShapes.messageId(completion == null ? null : completion.get("id")))
                .put("type", "message").put("role", "assistant").put("model", requestedModel);
        ArrayNode content = out.putArray("content");
        String text = MessageText.of(message.get("content"));
        boolean refused = message.path("refusal").isTextual() && !message.get("refusal").asText().isEmpty();
        if (refused) {
            text = text + message.get("refusal").asText();
        }
        if (!text.isEmpty()) {
            content.addObject().put("type", "text").put("text", text);
        }
        for (JsonNode call : message.path("tool_calls")) {
            content.addObject().put("type", "tool_use").put("id", call.path("id").asText())
                    .put("name", call.path("function").path("name").asText())
                    .set("input", toolInput(call.path("function").path("arguments").asText("")));
        }
        StopReasons.Stop stop = refused ? new StopReasons.Stop("refusal", null)
                : StopReasons.of(choice.path("finish_reason").asText(null), choice, stopSequences);
        out.put("stop_reason", stop.reason()).put("stop_sequence", stop.sequence());
        out.set("usage", AnthropicShapes.usage(completion == null ? null : completion.get("usage")));
        return Json.bytes(out);
    }

    /**
     * The arguments as the input object. Arguments that are not a JSON object (cut short at max_tokens) give an empty
     * input, as a stream's client would fail to parse them: the model's turn stays readable.
     */
    static ObjectNode toolInput(String arguments) {
        ObjectNode input = arguments.isBlank() ? null : Json.objectOrNull(arguments);
        return input == null ? Json.object() : input;
    }
}
