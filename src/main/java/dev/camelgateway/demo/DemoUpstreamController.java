package dev.camelgateway.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelgateway.api.Json;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The built-in demo upstream: a tiny OpenAI-compatible server inside the app, so that {@code make run} works with
 * no API key. It is an upstream like any other (provider {@code demo}, type {@code openai}); the gateway calls it
 * over HTTP. It answers with a fixed sentence plus the user's last words, streamed word by word.
 */
@RestController
public class DemoUpstreamController {
    private static final String INTRO = "Hello from the Camel LLM Gateway demo upstream. No provider key is needed: "
            + "this answer was streamed through the gateway's Camel routes. You said:";
    private final long wordDelayMillis;

    public DemoUpstreamController(DemoProperties properties) {
        this.wordDelayMillis = properties.getWordDelay().toMillis();
    }

    @PostMapping(path = "/demo/v1/chat/completions", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<StreamingResponseBody> chatCompletions(@RequestBody ObjectNode request) {
        DemoAnswer answer = DemoAnswer.of(request, words(request));
        if (!request.path("stream").asBoolean(false)) {
            byte[] json = Json.bytes(answer.completion());
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(out -> out.write(json));
        }
        boolean includeUsage = request.path("stream_options").path("include_usage").asBoolean(false);
        StreamingResponseBody body = out -> {
            for (ObjectNode chunk : answer.chunks(includeUsage)) {
                out.write(("data: " + Json.write(chunk) + "\n\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
                pause();
            }
            out.write("data: [DONE]\n\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        };
        return ResponseEntity.ok().contentType(MediaType.TEXT_EVENT_STREAM).body(body);
    }

    private void pause() {
        try {
            Thread.sleep(wordDelayMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static List<String> words(JsonNode request) {
        String lastUser = "";
        for (JsonNode message : request.path("messages")) {
            if ("user".equals(message.path("role").asText())) {
                lastUser = message.path("content").isTextual() ? message.path("content").asText() : "(a multi-part message)";
            }
        }
        List<String> words = new ArrayList<>(Arrays.asList(INTRO.split(" ")));
        words.addAll(Arrays.asList(("\"" + lastUser.strip() + "\"").split("\\s+")));
        return words;
    }

    /** The answer as words, cut at {@code max_tokens} (one word = one token here). */
    record DemoAnswer(String id, long created, String model, List<String> words, String finishReason, int promptTokens) {

        static DemoAnswer of(ObjectNode request, List<String> words) {
            JsonNode max = request.hasNonNull("max_completion_tokens") ? request.get("max_completion_tokens") : request.get("max_tokens");
            int limit = max == null ? Integer.MAX_VALUE : max.asInt();
            List<String> cut = words.size() > limit ? words.subList(0, limit) : words;
            int prompt = Json.write(request.path("messages")).split("\\s+").length;
            return new DemoAnswer("chatcmpl-demo-" + UUID.randomUUID(), System.currentTimeMillis() / 1000,
                    request.path("model").asText(), cut, words.size() > limit ? "length" : "stop", prompt);
        }

        ObjectNode completion() {
            ObjectNode c = header("chat.completion");
            ObjectNode choice = c.putArray("choices").addObject();
            choice.put("index", 0);
            choice.putObject("message").put("role", "assistant").put("content", String.join(" ", words)).putNull("refusal");
            choice.putNull("logprobs");
            choice.put("finish_reason", finishReason);
            c.set("usage", usage());
            return c;
        }

        List<ObjectNode> chunks(boolean includeUsage) {
            List<ObjectNode> chunks = new ArrayList<>();
            chunks.add(chunk(Json.object().put("role", "assistant").put("content", ""), null));
            for (int i = 0; i < words.size(); i++) {
                chunks.add(chunk(Json.object().put("content", (i == 0 ? "" : " ") + words.get(i)), null));
            }
            chunks.add(chunk(Json.object(), finishReason));
            if (includeUsage) {
                ObjectNode usageChunk = header("chat.completion.chunk");
                usageChunk.putArray("choices");
                usageChunk.set("usage", usage());
                chunks.add(usageChunk);
            }
            return chunks;
        }

        private ObjectNode chunk(ObjectNode delta, String finish) {
            ObjectNode c = header("chat.completion.chunk");
            ObjectNode choice = c.putArray("choices").addObject();
            choice.put("index", 0);
            choice.set("delta", delta);
            choice.putNull("logprobs");
            choice.put("finish_reason", finish);
            return c;
        }

        private ObjectNode header(String object) {
            return Json.object().put("id", id).put("object", object).put("created", created).put("model", model);
        }

        private ObjectNode usage() {
            return Json.object().put("prompt_tokens", promptTokens).put("completion_tokens", words.size())
                    .put("total_tokens", promptTokens + words.size());
        }
    }
}
