package dev.camelgateway.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelgateway.api.Json;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The built-in demo upstream: a tiny OpenAI-compatible server inside the app, so that {@code make run} works with
 * no API key. It is an upstream like any other (provider {@code demo}, type {@code openai}); the gateway calls it
 * over HTTP. It answers with a fixed sentence plus the user's last words, streamed word by word.
 */
@RestController
public class DemoUpstreamController implements DisposableBean {
    private static final String INTRO = "Hello from the Camel LLM Gateway demo upstream. No provider key is needed: "
            + "this answer came through the gateway's Camel routes. You said:";
    private final long wordDelayMillis;
    /** Streams are paced by a timer, not by a sleeping thread per stream, so thousands can run at once. */
    private final ScheduledExecutorService pacer = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "demo-upstream-pacer");
        t.setDaemon(true);
        return t;
    });

    public DemoUpstreamController(DemoProperties properties) {
        this.wordDelayMillis = Math.max(0, properties.getWordDelay().toMillis());
    }

    @PostMapping(path = "/demo/v1/chat/completions", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Object chatCompletions(@RequestBody ObjectNode request) {
        DemoAnswer answer = DemoAnswer.of(request, words(request));
        if (!request.path("stream").asBoolean(false)) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(Json.write(answer.completion()));
        }
        boolean includeUsage = request.path("stream_options").path("include_usage").asBoolean(false);
        List<String> events = new ArrayList<>();
        answer.chunks(includeUsage).forEach(chunk -> events.add(Json.write(chunk)));
        events.add("[DONE]");
        SseEmitter emitter = new SseEmitter(0L); // no timeout: the stream ends by itself
        sendNext(emitter, events.iterator());
        return emitter;
    }

    private void sendNext(SseEmitter emitter, Iterator<String> events) {
        try {
            emitter.send(SseEmitter.event().data(events.next(), MediaType.TEXT_PLAIN));
            if (events.hasNext()) {
                pacer.schedule(() -> sendNext(emitter, events), wordDelayMillis, TimeUnit.MILLISECONDS);
            } else {
                emitter.complete();
            }
        } catch (IOException | IllegalStateException e) {
            emitter.completeWithError(e); // the gateway went away
        }
    }

    @Override
    public void destroy() {
        pacer.shutdownNow();
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
