package dev.camelgateway.api.responses;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelgateway.api.Json;

/**
 * A canonical {@code chat.completion} → a Response object: the assistant's text (and refusal) as one message item with
 * {@code output_text} parts, each tool call as a {@code function_call} item, the status from the finish reason and the
 * usage in Responses' shape. Pure.
 */
public final class ChatToResponse {
    private ChatToResponse() {
    }

    /**
     * @param request   the client's Responses request (its settings are echoed)
     * @param id        the response's id
     * @param createdAt epoch seconds
     * @param ids       where the output items' ids come from
     */
    public static ObjectNode toResponse(ObjectNode completion, ObjectNode request, String id, long createdAt, ItemIds ids) {
        String model = completion.path("model").asText(request.path("model").asText());
        ObjectNode response = ResponseShell.of(request, id, createdAt, model);
        JsonNode choice = completion.path("choices").path(0);
        String finishReason = choice.path("finish_reason").asText(null);
        boolean incomplete = ResponsesFinish.incomplete(finishReason);
        ArrayNode output = (ArrayNode) response.get("output");
        JsonNode message = choice.path("message");
        JsonNode calls = message.path("tool_calls");
        String text = message.path("content").asText("");
        boolean hasRefusal = message.hasNonNull("refusal");
        if (!text.isEmpty() || hasRefusal || calls.isEmpty()) {
            ObjectNode item = messageItem(ids.next("msg"), incomplete ? "incomplete" : "completed");
            ArrayNode content = (ArrayNode) item.get("content");
            if (!text.isEmpty() || !hasRefusal) {
                content.add(outputText(text));
            }
            if (hasRefusal) {
                content.addObject().put("type", "refusal").put("refusal", message.get("refusal").asText());
            }
            output.add(item);
        }
        for (JsonNode call : calls) {
            output.add(functionCall(ids.next("fc"), call.path("id").asText(),
                    call.path("function").path("name").asText(), call.path("function").path("arguments").asText(""),
                    "completed"));
        }
        ResponsesFinish.apply(response, finishReason);
        response.set("usage", ResponsesUsage.fromChat(completion.get("usage")));
        return response;
    }

    static ObjectNode messageItem(String id, String status) {
        ObjectNode item = Json.object().put("id", id).put("type", "message").put("status", status).put("role", "assistant");
        item.putArray("content");
        return item;
    }

    static ObjectNode outputText(String text) {
        ObjectNode part = Json.object().put("type", "output_text").put("text", text);
        part.putArray("annotations");
        part.putArray("logprobs");
        return part;
    }

    static ObjectNode functionCall(String id, String callId, String name, String arguments, String status) {
        return Json.object().put("id", id).put("type", "function_call").put("status", status).put("arguments", arguments)
                .put("call_id", callId).put("name", name);
    }
}
