package dev.camelgateway.quota;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.errors.RateLimitException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.camelgateway.support.FakeUpstream.Reply;
import dev.camelgateway.support.Fixtures;
import dev.camelgateway.support.GatewayTestSupport;
import dev.camelgateway.support.TestKeys;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Limits and budgets of keys and teams through the shared test gateway (no Redis configured: the in-memory store, same
 * semantics as Redis). Each test uses a key of its own (TestKeys), since counters outlive a test.
 */
class LimitsEndToEndTest extends GatewayTestSupport {
    @Autowired
    private LedgerTotals ledger;

    @Test
    void overTheRpmLimitA429CarriesRetryAfterAndOpenAisHeaders_andTheSdksOwnRetryThenSucceeds() {
        for (int i = 0; i < TestKeys.RPM; i++) {
            HttpResponse<String> ok = chat(TestKeys.RPM_KEY, "demo", 0);
            assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
            assertThat(ok.headers().firstValue("x-ratelimit-limit-requests")).hasValue("20");
            assertThat(ok.headers().firstValue("x-ratelimit-remaining-requests")).hasValue(Long.toString(TestKeys.RPM - 1 - i));
            assertThat(ok.headers().firstValue("x-ratelimit-reset-requests")).isPresent();
        }
        HttpResponse<String> refused = chat(TestKeys.RPM_KEY, "demo", 0);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.body()).contains("\"type\":\"requests\"").contains("\"code\":\"rate_limit_exceeded\"")
                .contains("requests per minute");
        // one request refills every 3 s (20 per minute)
        assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 3L);
        assertThat(Long.parseLong(refused.headers().firstValue("retry-after-ms").orElseThrow())).isBetween(1L, 3000L);
        assertThat(refused.headers().firstValue("x-ratelimit-remaining-requests")).hasValue("0");
        assertThat(refused.headers().firstValue("x-request-id")).isPresent();

        ChatCompletionCreateParams params = ChatCompletionCreateParams.builder().model("demo").addUserMessage("hi").build();
        assertThatThrownBy(() -> sdk(TestKeys.RPM_KEY, 0).chat().completions().create(params))
                .isInstanceOf(RateLimitException.class);
        ChatCompletion answer = sdk(TestKeys.RPM_KEY, 2).chat().completions().create(params); // waits Retry-After
        assertThat(answer.choices()).isNotEmpty();
    }

    @Test
    void overTheTpmLimitA429OfTypeTokens_andTheSdkRetrySucceedsOnceTheBucketRefilled() {
        // each answer uses 5 + 580 tokens: two of them leave 30 of the 1,200 (20 a second come back)
        for (int i = 0; i < 2; i++) {
            UPSTREAM.enqueue(OPENAI_PATH, Reply.json(200, completion(5, 580)).withHeader("x-ratelimit-limit-requests", "5000")
                    .withHeader("x-ratelimit-limit-tokens", "2000000"));
            HttpResponse<String> ok = chat(TestKeys.TPM_KEY, "openai/gpt-4o-mini", 100);
            assertThat(ok.statusCode()).isEqualTo(200);
            // the key's limits, not the gateway's own account with the provider
            assertThat(ok.headers().firstValue("x-ratelimit-limit-tokens")).hasValue("1200");
            assertThat(ok.headers().firstValue("x-ratelimit-limit-requests")).isEmpty();
        }
        HttpResponse<String> refused = chat(TestKeys.TPM_KEY, "openai/gpt-4o-mini", 100); // needs 8 + 100
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.body()).contains("\"type\":\"tokens\"").contains("\"code\":\"rate_limit_exceeded\"");
        assertThat(refused.headers().firstValue("x-ratelimit-limit-tokens")).hasValue("1200");
        assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow())).isBetween(2L, 6L);

        UPSTREAM.enqueue(OPENAI_PATH, Reply.json(200, completion(5, 10)));
        ChatCompletion answer = sdk(TestKeys.TPM_KEY, 2).chat().completions().create(ChatCompletionCreateParams.builder()
                .model("openai/gpt-4o-mini").maxCompletionTokens(100).addUserMessage("hi").build());
        assertThat(answer.usage().orElseThrow().totalTokens()).isEqualTo(15);
    }

    /** Anthropic is sent default-max-tokens (4096) when the client names none: that is what such a request reserves. */
    @Test
    void aRequestWithoutMaxTokensToAnthropicReservesWhatTheGatewaySendsForIt() {
        HttpResponse<String> unbounded = chat(TestKeys.ANTHROPIC_BUDGET_KEY, "anthropic/claude-sonnet-4-5", 0);
        assertThat(unbounded.statusCode()).as(unbounded.body()).isEqualTo(429); // 8 + 4096 > 1000
        assertThat(unbounded.body()).contains("budget_exceeded");
        UPSTREAM.enqueue(ANTHROPIC_PATH, Reply.json(200, Fixtures.read("anthropic", "chat-basic", "upstream-response.json")));
        assertThat(chat(TestKeys.ANTHROPIC_BUDGET_KEY, "anthropic/claude-sonnet-4-5", 100).statusCode()).isEqualTo(200);
    }

    /** n × max_tokens of 4.6e18 used to overflow the priced estimate into a 500 (a review probe). */
    @Test
    void anEstimateNoModelCouldAnswerIsA400NotAnOverflow() {
        HttpResponse<String> response = send(request(TestKeys.TPM_KEY, "{\"model\":\"openai/gpt-4o-mini\",\"n\":2147483647,"
                + "\"max_tokens\":2147483647,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains("\"code\":\"above_key_limit\"").contains("\"param\":\"n\"");
        assertThat(UPSTREAM.received()).isEmpty();
    }

    @Test
    void aKeyWithOneParallelRequestGets429ForASecondUntilTheFirstEnds() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        UPSTREAM.enqueue(OPENAI_PATH, Reply.sse(List.of(chunk("one"), chunk("two"), "[DONE]")).withLatch(1, release));
        CompletableFuture<HttpResponse<String>> first = CompletableFuture.supplyAsync(() ->
                send(request(TestKeys.PARALLEL_KEY, "{\"model\":\"openai/gpt-4o-mini\",\"stream\":true,"
                        + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")));
        assertThat(UPSTREAM.awaitReceived(1, 10, TimeUnit.SECONDS)).isTrue();
        HttpResponse<String> second = chat(TestKeys.PARALLEL_KEY, "demo", 0);
        assertThat(second.statusCode()).isEqualTo(429);
        assertThat(second.body()).contains("parallel requests");
        assertThat(second.headers().firstValue("Retry-After")).hasValue("1");
        release.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS).body()).contains("data: [DONE]");
        assertThat(awaitAdmitted(TestKeys.PARALLEL_KEY).statusCode()).isEqualTo(200); // its slot was given back
    }

    @Test
    void aTokenBudgetCountsWhatAttemptsReallyUsed_refusesWithoutCallingUpstream_andEqualsTheLedger() throws Exception {
        // estimate 8 + 20 = 28 tokens, real use 5 + 10 = 15: admitted while 15 × k + 28 ≤ 200, so 12 requests
        int admitted = 0;
        for (int i = 0; i < 20; i++) {
            UPSTREAM.enqueue(OPENAI_PATH, Reply.json(200, completion(5, 10)));
            HttpResponse<String> response = chat(TestKeys.TOKEN_BUDGET_KEY, "openai/gpt-4o-mini", 20);
            if (response.statusCode() != 200) {
                assertThat(response.statusCode()).isEqualTo(429);
                assertThat(response.body()).contains("\"code\":\"budget_exceeded\"").contains("\"type\":\"insufficient_quota\"")
                        .contains("daily token budget").contains("token-budget");
                assertThat(response.headers().firstValue("x-should-retry")).hasValue("false");
                long untilMidnight = Duration.between(Instant.now(), QuotaPeriods.day(Instant.now()).end()).toSeconds();
                assertThat(Long.parseLong(response.headers().firstValue("Retry-After").orElseThrow()))
                        .isBetween(untilMidnight - 5, untilMidnight + 5);
                break;
            }
            admitted++;
        }
        assertThat(admitted).isEqualTo(12);
        assertThat(UPSTREAM.received()).hasSize(12); // the refused request never went upstream
        assertThat(awaitLedgerTokens("key:token-budget", 12 * 15)).isEqualTo(12 * 15);
    }

    @Test
    void aTeamBudgetInUsdIsSharedByItsKeys() {
        // gpt-4o-mini at 0.15 / 0.60 USD per million: 5 + 20 tokens cost 12.75 µUSD, the estimate 13.2 µUSD; 100 µUSD a day
        int admitted = 0;
        for (int i = 0; i < 12; i++) {
            UPSTREAM.enqueue(OPENAI_PATH, Reply.json(200, completion(5, 20)));
            HttpResponse<String> response = chat(i % 2 == 0 ? TestKeys.CAPPED_KEY_A : TestKeys.CAPPED_KEY_B,
                    "openai/gpt-4o-mini", 20);
            if (response.statusCode() == 429) {
                assertThat(response.body()).contains("\"code\":\"budget_exceeded\"").contains("the team 'capped'")
                        .contains("daily budget (USD)");
                break;
            }
            assertThat(response.statusCode()).isEqualTo(200);
            admitted++;
        }
        assertThat(admitted).isEqualTo(7);
    }

    @Test
    void aStreamThatCrossesTheBudgetMidwayFinishes_andTheNextRequestIsRefused() {
        UPSTREAM.enqueue(OPENAI_PATH, Reply.sse(List.of(chunk("a long"), chunk(" answer"),
                "{\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"gpt-4o-mini\",\"choices\":[],"
                        + "\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":400,\"total_tokens\":405}}", "[DONE]")));
        HttpResponse<String> stream = send(request(TestKeys.STREAM_BUDGET_KEY, "{\"model\":\"openai/gpt-4o-mini\","
                + "\"stream\":true,\"max_tokens\":20,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"));
        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(stream.body()).contains("a long").contains(" answer").endsWith("data: [DONE]\n\n");
        HttpResponse<String> next = chat(TestKeys.STREAM_BUDGET_KEY, "openai/gpt-4o-mini", 20);
        assertThat(next.statusCode()).isEqualTo(429);
        assertThat(next.body()).contains("monthly token budget");
    }

    private HttpResponse<String> awaitAdmitted(String key) throws InterruptedException {
        HttpResponse<String> response = chat(key, "demo", 0);
        for (int i = 0; i < 50 && response.statusCode() == 429; i++) { // the release runs as the exchange completes
            Thread.sleep(100);
            response = chat(key, "demo", 0);
        }
        return response;
    }

    private long awaitLedgerTokens(String scope, long expected) throws InterruptedException {
        long tokens = -1;
        for (int i = 0; i < 100 && tokens != expected; i++) {
            Instant now = Instant.now();
            tokens = ledger.spent(scope, QuotaPeriods.day(now).start(), QuotaPeriods.day(now).end(), Set.of()).tokens();
            Thread.sleep(50);
        }
        return tokens;
    }

    private static OpenAIClient sdk(String key, int retries) {
        return OpenAIOkHttpClient.builder().baseUrl(gatewayUrl("/v1")).apiKey(key).maxRetries(retries)
                .timeout(Duration.ofSeconds(30)).build();
    }

    private static HttpResponse<String> chat(String key, String model, int maxTokens) {
        return send(request(key, "{\"model\":\"" + model + "\"," + (maxTokens > 0 ? "\"max_tokens\":" + maxTokens + "," : "")
                + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"));
    }

    private static HttpRequest request(String key, String body) {
        return HttpRequest.newBuilder(URI.create(gatewayUrl("/v1/chat/completions"))).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + key).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static String completion(long prompt, long completion) {
        return "{\"id\":\"chatcmpl-q\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"gpt-4o-mini\",\"choices\":[{"
                + "\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"ok\"},\"finish_reason\":\"stop\"}],"
                + "\"usage\":{\"prompt_tokens\":" + prompt + ",\"completion_tokens\":" + completion + ",\"total_tokens\":"
                + (prompt + completion) + "}}";
    }

    private static String chunk(String text) {
        return "{\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"gpt-4o-mini\",\"choices\":[{"
                + "\"index\":0,\"delta\":{\"content\":\"" + text + "\"},\"finish_reason\":null}]}";
    }
}
