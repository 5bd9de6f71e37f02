package dev.camelgateway.support;

import org.springframework.test.context.DynamicPropertyRegistry;

import java.net.http.HttpRequest;
import java.nio.file.Path;

/**
 * The test gateway's gateway keys, declared as a deployment declares them ({@code gateway.auth.keys.<id>.*} and
 * {@code gateway.auth.teams.<id>.*}): {@link #GATEWAY_KEY}, which every test sends, and one key per auth outcome.
 * Random-looking, as real secrets are; the team's key comes from a secret file, the others as properties (from the
 * environment in a deployment).
 */
public final class TestKeys {
    /** Key {@code test}: every model, no ceilings. */
    public static final String GATEWAY_KEY = "sk-gw-test-cReY51s4UWe521xP9UqBK4jq";
    /** Key {@code disabled}: {@code enabled: false}. */
    public static final String DISABLED_KEY = "sk-gw-off-SlAfvBixvoI2YftlcHNBDFfH";
    /** Key {@code expired}: {@code expires-at} in the past. */
    public static final String EXPIRED_KEY = "sk-gw-old-GulMarN5CM3FTthLvpjLBIjo";
    public static final String EXPIRED_AT = "2024-01-31T12:00:00Z";
    /** Key {@code restricted}: models {@code demo} (an alias) and {@code east/*} (every model of a deployment). */
    public static final String RESTRICTED_KEY = "sk-gw-few-jFx0VYUqsQEkDw5zodUxly7F";
    /** Key {@code ceilings}: at most {@value #MAX_N} choices and {@value #MAX_TOKENS} tokens per request. */
    public static final String CEILINGS_KEY = "sk-gw-cap-OJEjPNFBlSZa1uUe1W1GtRQt";
    public static final int MAX_N = 2;
    public static final long MAX_TOKENS = 100;
    /** Key {@code team-member} of team {@value #TEAM}, its secret read from a file. */
    public static final String TEAM_KEY = "sk-gw-grp-TWTMpyCPpEjH2taUjCvFjz7c";
    public static final String TEAM = "research";
    public static final String TEAM_NAME = "Research team";
    /** Keys with limits (LimitsEndToEndTest): each test its own, since their counters outlive a test. */
    public static final String RPM_KEY = "sk-gw-rpm-Vn4Xq8Lc2Rt6Kz1Hw5Jb9Pd3";
    public static final long RPM = 20;
    public static final String TPM_KEY = "sk-gw-tpm-Fy7Mk3Sd9Qa2Uc6Ge1Wn5Zr8";
    public static final long TPM = 1200;
    public static final String PARALLEL_KEY = "sk-gw-one-Lb2Tj6Xv1Ph8Ns4Dq9Kf3Wm7";
    public static final String TOKEN_BUDGET_KEY = "sk-gw-bud-Rc5Wk9Mx3Yf7Jq1Tv6Hb2Ln8";
    public static final long TOKEN_BUDGET = 200;
    public static final String STREAM_BUDGET_KEY = "sk-gw-str-Gd8Pn2Vx6Kr1Zc5Qm9Tj3Hw7";
    public static final String ANTHROPIC_BUDGET_KEY = "sk-gw-ant-Wq5Kd9Tz3Mh7Xc1Rb6Nf2Lp8";
    /** Key {@code messages-rpm}: one request a minute (the /v1/messages tests' 429, count_tokens' too). */
    public static final String MESSAGES_RPM_KEY = "sk-gw-msg-Tk4Rb8Wn2Yc6Hq1Zd5Lx9Pm3";
    /** Key {@code one-token}: a daily budget of one token, which any message exceeds and counting never touches. */
    public static final String ONE_TOKEN_KEY = "sk-gw-one-Vb7Qx3Mk9Rd1Wp5Tz2Hc8Ln6";
    /** Key {@code embeddings-budget}: a daily budget of {@value #EMBEDDINGS_BUDGET} tokens, below completion-reserve. */
    public static final String EMBEDDINGS_BUDGET_KEY = "sk-gw-emb-Pz4Rk8Wd2Mx6Tq1Hn5Jc9Vb3";
    public static final long EMBEDDINGS_BUDGET = 500;
    /** Two keys of team {@value #CAPPED_TEAM}, which has a daily budget in USD and they none. */
    public static final String CAPPED_KEY_A = "sk-gw-cpa-Hs3Mq7Xb1Wk5Tz9Rf2Nd6Lv4";
    public static final String CAPPED_KEY_B = "sk-gw-cpb-Jt6Yc2Pg8Ln4Vx1Kq5Bz9Hm3";
    public static final String CAPPED_TEAM = "capped";
    public static final String CAPPED_TEAM_DAILY_USD = "0.0001";
    /** {@link #GATEWAY_KEY} as a raw request's header line (RawHttp, sockets). */
    public static final String KEY_HEADER_LINE = "Authorization: Bearer " + GATEWAY_KEY + "\r\n";

    private static final Path GATEWAY_KEY_FILE = TestSecrets.write("gateway-key", GATEWAY_KEY + "\n");
    private static final Path TEAM_KEY_FILE = TestSecrets.write("team-gateway-key", TEAM_KEY + "\n");

    private TestKeys() {
    }

    /** The request with {@link #GATEWAY_KEY}, as an OpenAI client sends it. */
    public static HttpRequest.Builder keyed(HttpRequest.Builder request) {
        return request.header("Authorization", "Bearer " + GATEWAY_KEY);
    }

    static void declare(DynamicPropertyRegistry registry) {
        String keys = "gateway.auth.keys.";
        registry.add(keys + "test.secret", () -> GATEWAY_KEY);
        registry.add(keys + "disabled.secret", () -> DISABLED_KEY);
        registry.add(keys + "disabled.enabled", () -> false);
        registry.add(keys + "expired.secret", () -> EXPIRED_KEY);
        registry.add(keys + "expired.expires-at", () -> EXPIRED_AT);
        registry.add(keys + "restricted.secret", () -> RESTRICTED_KEY);
        registry.add(keys + "restricted.models[0]", () -> "demo");
        registry.add(keys + "restricted.models[1]", () -> "east/*");
        registry.add(keys + "ceilings.secret", () -> CEILINGS_KEY);
        registry.add(keys + "ceilings.max-n", () -> MAX_N);
        registry.add(keys + "ceilings.max-tokens", () -> MAX_TOKENS);
        registry.add("gateway.auth.teams." + TEAM + ".name", () -> TEAM_NAME);
        registry.add(keys + "team-member.secret-file", TEAM_KEY_FILE::toString);
        registry.add(keys + "team-member.team", () -> TEAM);
        registry.add(keys + "rpm-limited.secret", () -> RPM_KEY);
        registry.add(keys + "rpm-limited.limits.rpm", () -> RPM);
        registry.add(keys + "tpm-limited.secret", () -> TPM_KEY);
        registry.add(keys + "tpm-limited.limits.tpm", () -> TPM);
        registry.add(keys + "one-at-a-time.secret", () -> PARALLEL_KEY);
        registry.add(keys + "one-at-a-time.limits.max-parallel-requests", () -> 1);
        registry.add(keys + "token-budget.secret", () -> TOKEN_BUDGET_KEY);
        registry.add(keys + "token-budget.limits.daily-budget-tokens", () -> TOKEN_BUDGET);
        registry.add(keys + "stream-budget.secret", () -> STREAM_BUDGET_KEY);
        registry.add(keys + "stream-budget.limits.monthly-budget-tokens", () -> TOKEN_BUDGET);
        registry.add(keys + "anthropic-budget.secret", () -> ANTHROPIC_BUDGET_KEY);
        registry.add(keys + "anthropic-budget.limits.daily-budget-tokens", () -> 1000);
        registry.add(keys + "messages-rpm.secret", () -> MESSAGES_RPM_KEY);
        registry.add(keys + "messages-rpm.limits.rpm", () -> 1);
        registry.add(keys + "one-token.secret", () -> ONE_TOKEN_KEY);
        registry.add(keys + "one-token.limits.daily-budget-tokens", () -> 1);
        registry.add(keys + "embeddings-budget.secret", () -> EMBEDDINGS_BUDGET_KEY);
        registry.add(keys + "embeddings-budget.limits.daily-budget-tokens", () -> EMBEDDINGS_BUDGET);
        registry.add("gateway.auth.teams." + CAPPED_TEAM + ".limits.daily-budget-usd", () -> CAPPED_TEAM_DAILY_USD);
        registry.add(keys + "capped-a.secret", () -> CAPPED_KEY_A);
        registry.add(keys + "capped-a.team", () -> CAPPED_TEAM);
        registry.add(keys + "capped-b.secret", () -> CAPPED_KEY_B);
        registry.add(keys + "capped-b.team", () -> CAPPED_TEAM);
    }

    /**
     * For a gateway a test starts from arguments ({@code SpringApplicationBuilder.run}): key {@code test} with
     * {@link #GATEWAY_KEY}, from a secret file (arguments are a command line in production: no secret there).
     */
    public static String gatewayKeyArgument() {
        return "--gateway.auth.keys.test.secret-file=" + GATEWAY_KEY_FILE;
    }
}
