package dev.camelgateway.e2e;

import com.openai.core.http.StreamResponse;
import com.openai.errors.BadRequestException;
import com.openai.errors.InternalServerException;
import com.openai.errors.RateLimitException;
import com.openai.errors.SseException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.camelgateway.resilience.ProviderInfrastructure;
import dev.camelgateway.support.FakeUpstream.Received;
import dev.camelgateway.support.FakeUpstream.Reply;
import dev.camelgateway.support.Fixtures;
import dev.camelgateway.support.GatewayTestSupport;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The gateway's fault contract (README, "Failures"), one scenario each, against a real-HTTP fake upstream that injects
 * the fault. The primary is {@code ollama} (OpenAI wire format) with small test budgets: 2 attempts, 100 ms base
 * backoff, first event 1.5 s, idle 1 s, total 8 s, a whole answer 3 s, a breaker that opens after 4 calls with half of them failed and
 * probes again after 1.5 s. The alias {@code resilient} falls back to {@code anthropic/claude-sonnet-4-5}.
 */
class ResilienceScenariosTest extends GatewayTestSupport {
    private static final String OK_JSON = Fixtures.read("openai", "chat-basic", "upstream-response.json");
    private static final List<String> OK_SSE = Fixtures.ssePayloads("openai", "chat-basic", "upstream-response.sse");

    @Autowired
    ProviderInfrastructure infrastructure;
    @Autowired
    MeterRegistry meters;

    @ParameterizedTest(name = "stream={0}")
    @ValueSource(booleans = {false, true})
    void rateLimitWithRetryAfterIsRetriedAfterThatWait(boolean stream) {
        UPSTREAM.enqueue(OLLAMA_PATH, Reply.json(429, "{\"error\":{\"message\":\"slow down\",\"type\":\"requests\"}}",
                Map.of("Retry-After", "2")));
        enqueueSuccess(OLLAMA_PATH, stream);

        assertThat(call("ollama/llama3", stream)).isEqualTo("Hello there! How can I help?");

        List<Received> attempts = UPSTREAM.received();
        assertThat(attempts).hasSize(2);
        assertThat(Duration.ofNanos(attempts.get(1).nanos() - attempts.get(0).nanos())).isGreaterThan(Duration.ofMillis(1900));
    }

    @Test
    void persistentRateLimitWithoutRetryAfterIsBoundedThenAClean429() {
        UPSTREAM.enqueue(OLLAMA_PATH, Reply.json(429, "{\"error\":{\"message\":\"slow down\",\"type\":\"requests\"}}"));
        UPSTREAM.enqueue(OLLAMA_PATH, Reply.json(429, "{\"error\":{\"message\":\"slow down\",\"type\":\"requests\"}}"));

        assertThatThrownBy(() -> call("ollama/llama3", false)).isInstanceOfSatisfying(RateLimitException.class,
                e -> assertThat(e.getMessage()).contains("slow down"));
        assertThat(UPSTREAM.received()).hasSize(2);
        assertThat(Duration.ofNanos(UPSTREAM.received().get(1).nanos() - UPSTREAM.received().get(0).nanos()))
                .as("backoff before the second attempt").isGreaterThan(Duration.ofMillis(70));
    }

    @Test
    void persistentRateLimitWithAFallbackIsAnsweredByTheFallback() {
        UPSTREAM.enqueue(OLLAMA_PATH, Reply.json(429, "{\"error\":{\"message\":\"slow down\"}}"));
        UPSTREAM.enqueue(OLLAMA_PATH, Reply.json(429, "{\"error\":{\"message\":\"slow down\"}}"));
        UPSTREAM.enqueue(ANTHROPIC_PATH, Reply.json(200, Fixtures.read("anthropic", "chat-basic", "upstream-response.json")));

        HttpResponse<String> response = post("/v1/chat/completions", "application/json", chat("resilient", false));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"model\":\"claude-sonnet-4-5\"");
        assertThat(response.headers().firstValue("x-gateway-provider")).hasValue("anthropic");
        assertThat(response.headers().firstValue("x-gateway-attempts")).hasValue("3");
    }

    @ParameterizedTest(name = "stream={0}")
    @ValueSource(booleans = {false, true})
    void serverErrorOnceThenSuccessIsRetriedOnTheSameProvider(boolean stream) {
        UPSTREAM.enqueue(OLLAMA_PATH, Reply.json(500, "{\"error\":{\"message\":\"oops\",\"type\":\"server_error\"}}"));
        enqueueSuccess(OLLAMA_PATH, stream);

        assertThat(call("ollama/llama3", stream)).isEqualTo("Hello there! How can I help?");
        assertThat(UPSTREAM.received()).hasSize(2).allSatisfy(r -> assertThat(r.uri()).startsWith("/ollama/"));
    }

    @ParameterizedTest(name = "stream={0}")
    @ValueSource(booleans = {false, true})
    void persistent503GoesToTheFallbackWhoseModelAnswers(boolean stream) {
        UPSTREAM.enqueue(OLLAMA_PATH, Reply.json(503, "{\"error\":{\"message\":\"unavailable\"}}"));
        UPSTREAM.enqueue(OLLAMA_PATH, Reply.json(503, "{\"error\":{\"message\":\"unavailable\"}}"));
        enqueueAnthropicSuccess(stream);

        ChatCompletionCreateParams params = ChatCompletionCreateParams.builder().model("resilient").addUserMessage("hi").build();
        String model;
        if (stream) {
            List<ChatCompletionChunk> chunks = new ArrayList<>();
            try (StreamResponse<ChatCompletionChunk> s = openAi().chat().completions().createStreaming(params)) {
                s.stream().forEach(chunks::add);
            }
            model = chunks.get(0).model();
        } else {
            model = openAi().chat().completions().create(params).model();
        }
        assertThat(model).isEqualTo("claude-sonnet-4-5");
        assertThat(UPSTREAM.received()).extracting(Received::uri).containsExactly(OLLAMA_PATH, OLLAMA_PATH, ANTHROPIC_PATH);
    }

    @ParameterizedTest(name = "stream={0}")
    @ValueSource(booleans = {false, true})
    void connectionDroppedBeforeTheHeadersIsRetried(boolean stream) {
        UPSTREAM.enqueue(OLLAMA_PATH, Reply.closeBeforeHeaders());
        enqueueSuccess(OLLAMA_PATH, stream);

        assertThat(call("ollama/llama3", stream)).isEqualTo("Hello there! How can I help?");
        assertThat(UPSTREAM.received()).hasSize(2);
    }

    @ParameterizedTest(name = "stream={0}")
    @ValueSource(booleans = {false, true})
    void anUpstreamThatNeverAnswersIsLeftAtOnceForTheFallback(boolean stream) {
        UPSTREAM.enqueue(OLLAMA_PATH, Reply.silent());
        enqueueAnthropicSuccess(stream);

        long start = System.nanoTime();
        HttpResponse<String> response = post("/v1/chat/completions", "application/json", chat("resilient", stream));

        assertThat(Duration.ofNanos(System.nanoTime() - start))
                .as("one first-event 1.5 s (stream) or response 3 s (whole answer), with slack")
                .isLessThan(Duration.ofSeconds(stream ? 5 : 7));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("claude-sonnet-4-5");
        assertThat(primaryCalls()).as("a timeout is not retried on the silent route (on-failure.timeout: fallback)").isEqualTo(1);
    }

    @Test
    void anUpstreamThatNeverAnswersWithoutFallbackIsA504() {
        UPSTREAM.enqueue(OLLAMA_PATH, Reply.silent());

        HttpResponse<String> response = post("/v1/chat/completions", "application/json", chat("ollama/llama3", false));

        assertThat(response.statusCode()).isEqualTo(504);
        assertThat(response.body()).contains("upstream_timeout");
        assertThat(response.headers().firstValue("x-should-retry")).as("the gateway's policy has run").hasValue("false");
        assertThat(primaryCalls()).isEqualTo(1);
    }

    @Test
    void firstTokenSlowerThanTheFirstEventTimeoutGoesToTheFallback() {
        CountDownLatch never = new CountDownLatch(1);
        UPSTREAM.enqueue(OLLAMA_PATH, Reply.sse(OK_SSE).withLatch(0, never));
        enqueueAnthropicSuccess(true);

        long start = System.nanoTime();
        List<ChatCompletionChunk> chunks = streamAll("resilient");

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(chunks.get(0).model()).isEqualTo("claude-sonnet-4-5");
        assertThat(primaryCalls()).isEqualTo(1);
        never.countDown();
    }

    @Test
    void streamCutAfterNEventsEndsWithTheErrorEventAndReportsThePartialUsageFirst() throws Exception {
        String sse = Fixtures.read("anthropic", "chat-basic", "upstream-response.sse").replace("\"model\":\"claude-sonnet-4-5\"",
                "\"model\":\"claude-cut\"");
        UPSTREAM.enqueue(ANTHROPIC_PATH, Reply.sse(List.of()).withRawSse(sse.substring(0, nthEventEnd(sse, 5))).thenCut());
        double before = promptTokens("other"); // a model the config does not name is tagged "other"

        HttpResponse<String> response = post("/v1/chat/completions", "application/json",
                chat("anthropic/claude-cut", true));

        String[] events = response.body().split("\n\n");
        assertThat(events[events.length - 1]).startsWith("data: {\"error\":").contains("\"code\":\"stream_interrupted\"");
        assertThat(events).hasSizeGreaterThan(2);
        assertThat(response.body()).doesNotContain("data: [DONE]").doesNotContain("\"finish_reason\":\"stop\"");
        assertThat(eventually(() -> promptTokens("other") - before)).as("input tokens of message_start").isEqualTo(31);
    }

    @Test
    void aStallMidStreamEndsWithinTheIdleTimeout() {
        UPSTREAM.enqueue(OLLAMA_PATH, Reply.sse(OK_SSE.subList(0, 2)).thenStall());

        long start = System.nanoTime();
        HttpResponse<String> response = post("/v1/chat/completions", "application/json", chat("ollama/llama3", true));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("idle 1 s, checked every 250 ms, with slack")
                .isLessThan(Duration.ofSeconds(4));
        assertThat(response.body()).contains("\"code\":\"stream_stalled\"").doesNotContain("data: [DONE]");
        assertThat(response.body().split("\n\n")).hasSize(3);
    }

    @Test
    void aCompleteStreamWithoutDoneIsFinishedPromptlyWithDone() {
        UPSTREAM.enqueue(OLLAMA_PATH, Reply.sse(OK_SSE.subList(0, OK_SSE.size() - 1)));

        long start = System.nanoTime();
        HttpResponse<String> response = post("/v1/chat/completions", "application/json", chat("ollama/llama3", true)
                .replace("\"stream\":true", "\"stream\":true,\"stream_options\":{\"include_usage\":true}"));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
        assertThat(response.body()).contains("\"usage\":{\"prompt_tokens\":9").endsWith("data: [DONE]\n\n");
    }

    @Test
    void contextLengthExceededIsOneAttemptWithTheProvidersReason() {
        UPSTREAM.enqueue(OLLAMA_PATH, Reply.json(400, "{\"error\":{\"message\":\"This model's maximum context length is 8192 "
                + "tokens.\",\"type\":\"invalid_request_error\",\"param\":\"messages\",\"code\":\"context_length_exceeded\"}}"));

        assertThatThrownBy(() -> call("resilient", false)).isInstanceOfSatisfying(BadRequestException.class, e -> {
            assertThat(e.code()).hasValue("context_length_exceeded");
            assertThat(e.getMessage()).contains("maximum context length");
        });
        assertThat(UPSTREAM.received()).hasSize(1);
    }

    /** Alias "roomy": ollama, fallback east, context-fallbacks anthropic. The prompt too long skips east. */
    @ParameterizedTest(name = "stream={0}")
    @ValueSource(booleans = {false, true})
    void contextLengthExceededGoesToTheLargerContextFallbackNeverResentUnchanged(boolean stream) {
        UPSTREAM.enqueue(OLLAMA_PATH, Reply.json(400, "{\"error\":{\"message\":\"This model's maximum context length is 8192 "
                + "tokens.\",\"type\":\"invalid_request_error\",\"param\":\"messages\",\"code\":\"context_length_exceeded\"}}"));
        enqueueAnthropicSuccess(stream);

        assertThat(call("roomy", stream)).startsWith("Bonjour!");
        assertThat(primaryCalls()).as("never resent to the same model").isEqualTo(1);
        assertThat(UPSTREAM.received()).extracting(r -> r.uri().split("/")[1]).containsExactly("ollama", "anthropic");
    }

    /** Anthropic says it in words, not a code: still a prompt too long, and with no context-fallbacks left, final. */
    @Test
    void aPromptTooLongForTheLastContextFallbackIsFinal() {
        UPSTREAM.enqueue(OLLAMA_PATH, Reply.json(400, "{\"error\":{\"message\":\"too long\",\"code\":\"context_length_exceeded\"}}"));
        UPSTREAM.enqueue(ANTHROPIC_PATH, Reply.json(400, "{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\","
                + "\"message\":\"prompt is too long: 210000 tokens > 200000 maximum\"}}"));

        assertThatThrownBy(() -> call("roomy", false)).isInstanceOfSatisfying(BadRequestException.class, e -> {
            assertThat(e.code()).hasValue("context_length_exceeded");
            assertThat(e.getMessage()).contains("prompt is too long");
        });
        assertThat(UPSTREAM.received()).hasSize(2);
    }

    @Test
    void aFlappingProviderOpensItsBreakerSendsTrafficToTheFallbackThenRecovers() throws Exception {
        CircuitBreaker breaker = infrastructure.breakers().circuitBreaker("ollama");
        for (int i = 0; i < 2; i++) { // 2 requests × 2 failed attempts fill the window of 4
            UPSTREAM.enqueue(OLLAMA_PATH, Reply.json(503, "{\"error\":{\"message\":\"down\"}}"));
            UPSTREAM.enqueue(OLLAMA_PATH, Reply.json(503, "{\"error\":{\"message\":\"down\"}}"));
            enqueueAnthropicSuccess(false);
            assertThat(call("resilient", false)).contains("Bonjour");
        }
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);

        int primaryCalls = primaryCalls();
        enqueueAnthropicSuccess(false);
        assertThat(call("resilient", false)).contains("Bonjour");
        assertThat(primaryCalls()).as("an open breaker skips the provider without a call").isEqualTo(primaryCalls);
        HttpResponse<String> open = post("/v1/chat/completions", "application/json", chat("ollama/llama3", false));
        assertThat(open.statusCode()).isEqualTo(503);
        assertThat(open.body()).contains("\"code\":\"circuit_open\"");
        assertThat(open.headers().firstValue("Retry-After")).as("wait-in-open-state 1.5 s, rounded up").hasValue("2");
        assertThat(open.headers().firstValue("x-should-retry")).as("no upstream call was made").isEmpty();

        Thread.sleep(1600); // wait-in-open-state 1.5 s: the next call is a half-open probe
        enqueueSuccess(OLLAMA_PATH, false);
        assertThat(call("resilient", false)).isEqualTo("Hello there! How can I help?");
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        enqueueSuccess(OLLAMA_PATH, false);
        assertThat(call("resilient", false)).isEqualTo("Hello there! How can I help?");
    }

    @Test
    void aClientThatLeavesMidStreamAbortsTheUpstreamCall() throws Exception {
        List<String> many = new ArrayList<>(OK_SSE.subList(0, 2));
        for (int i = 0; i < 40; i++) {
            many.add(OK_SSE.get(1));
        }
        UPSTREAM.enqueue(OLLAMA_PATH, Reply.sse(many).paced(100));

        HttpRequest request = keyed(HttpRequest.newBuilder(URI.create(gatewayUrl("/v1/chat/completions"))))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(chat("ollama/llama3", true))).build();
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream());
        InputStream body = response.body();
        byte[] first = body.readNBytes(200);
        assertThat(new String(first, StandardCharsets.UTF_8)).startsWith("data: ");
        body.close();
        long left = System.nanoTime();

        assertThat(eventually(() -> (double) UPSTREAM.abortedByGateway())).isEqualTo(1.0);
        assertThat(Duration.ofNanos(System.nanoTime() - left)).as("aborted within about a second").isLessThan(Duration.ofSeconds(2));
    }

    private void enqueueSuccess(String path, boolean stream) {
        UPSTREAM.enqueue(path, stream ? Reply.sse(OK_SSE) : Reply.json(200, OK_JSON));
    }

    private void enqueueAnthropicSuccess(boolean stream) {
        UPSTREAM.enqueue(ANTHROPIC_PATH, stream
                ? Reply.sse(List.of()).withRawSse(Fixtures.read("anthropic", "chat-basic", "upstream-response.sse"))
                : Reply.json(200, Fixtures.read("anthropic", "chat-basic", "upstream-response.json")));
    }

    /** One request through the SDK; the answer's text, streamed or not. */
    private static String call(String model, boolean stream) {
        ChatCompletionCreateParams params = ChatCompletionCreateParams.builder().model(model).addUserMessage("hi").build();
        if (!stream) {
            ChatCompletion completion = openAi().chat().completions().create(params);
            return completion.choices().get(0).message().content().orElse("");
        }
        StringBuilder text = new StringBuilder();
        streamAll(model).forEach(c -> c.choices().forEach(ch -> ch.delta().content().ifPresent(text::append)));
        return text.toString();
    }

    private static List<ChatCompletionChunk> streamAll(String model) {
        List<ChatCompletionChunk> chunks = new ArrayList<>();
        try (StreamResponse<ChatCompletionChunk> s = openAi().chat().completions().createStreaming(
                ChatCompletionCreateParams.builder().model(model).addUserMessage("hi").build())) {
            s.stream().forEach(chunks::add);
        }
        return chunks;
    }


    private static int primaryCalls() {
        return (int) UPSTREAM.received().stream().filter(r -> r.uri().startsWith("/ollama/")).count();
    }

    private static int nthEventEnd(String sse, int n) {
        int at = 0;
        for (int i = 0; i < n; i++) {
            at = sse.indexOf("\n\n", at) + 2;
        }
        return at;
    }

    private double promptTokens(String model) {
        var counter = meters.find("gateway.tokens").tags("provider", "anthropic", "model", model, "type", "prompt").counter();
        return counter == null ? 0 : counter.count();
    }

    /** Asynchronous effects (wire taps, aborts): poll, bounded, until the value is non-zero. */
    private static double eventually(java.util.function.DoubleSupplier value) throws InterruptedException {
        double v = value.getAsDouble();
        for (int i = 0; i < 50 && v == 0; i++) {
            Thread.sleep(50);
            v = value.getAsDouble();
        }
        return v;
    }
}
