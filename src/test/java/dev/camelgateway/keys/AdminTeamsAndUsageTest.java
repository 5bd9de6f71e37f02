package dev.camelgateway.keys;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelgateway.support.TestKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /admin/teams}, and the usage of one key or team: from the rows the gateway writes for a key's requests, and
 * from rows inserted here for what traffic cannot make (a past week, unpriced attempts, a deleted key's rows).
 */
class AdminTeamsAndUsageTest extends AdminApiSupport {
    /** The end of the week of the inserted rows: long before any request these tests make. */
    private static final String NEXT_MONDAY = "2026-03-09T00:00:00Z";
    private static final String ROW_PREFIX = "req_admin_";
    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void removeTheInsertedRows() {
        jdbc.update("DELETE FROM usage_ledger WHERE request_id LIKE ?", ROW_PREFIX + "%");
    }

    @Test
    void aTeamLivesUntilItsLastKeyIsGone() {
        HttpResponse<String> created = admin("POST", "/admin/teams", "{\"id\":\"lab\",\"name\":\"Lab\","
                + "\"limits\":{\"monthly_budget_usd\":500,\"rpm\":100}}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).hasValue("/admin/teams/lab");
        assertThat(json(created).get("source").asText()).isEqualTo("database");
        assertError(admin("POST", "/admin/teams", "{\"id\":\"lab\"}"), 409, "team_exists", null);
        assertError(admin("POST", "/admin/teams", "{\"id\":\"" + TestKeys.TEAM + "\"}"), 409, "team_exists", null);

        JsonNode patched = json(admin("PATCH", "/admin/teams/lab", "{\"limits\":{\"rpm\":200}}"));
        assertThat(patched.get("name").asText()).isEqualTo("Lab");
        assertThat(patched.get("limits").get("rpm").asLong()).isEqualTo(200);
        assertThat(patched.get("limits").get("monthly_budget_usd").decimalValue()).isEqualByComparingTo("500");
        assertError(admin("PATCH", "/admin/teams/lab", "{\"id\":\"other\"}"), 400, "unknown_parameter", "id");
        assertError(admin("PATCH", "/admin/teams/lab", "{\"limits\":{\"tpm\":-5}}"), 400, "invalid_value", "limits.tpm");

        JsonNode key = createKey("{\"name\":\"lab rat\",\"team\":\"lab\"}");
        assertThat(chatWith(key.get("secret").asText()).statusCode()).isEqualTo(200);
        assertError(admin("DELETE", "/admin/teams/lab", null), 409, "team_has_keys", null);
        assertThat(admin("DELETE", "/admin/keys/" + key.get("id").asText(), null).statusCode()).isEqualTo(204);
        assertThat(admin("DELETE", "/admin/teams/lab", null).statusCode()).isEqualTo(204);
        assertError(operator("GET", "/admin/teams/lab", null), 404, "not_found", "id");
        assertError(admin("POST", "/admin/keys", "{\"name\":\"late\",\"team\":\"lab\"}"), 400, "unknown_team", "team");
    }

    @Test
    void configuredTeamsAreListedAndReadOnly() {
        admin("POST", "/admin/teams", "{\"id\":\"listed\"}");
        JsonNode teams = json(operator("GET", "/admin/teams", null)).get("data");
        List<String> ids = teams.findValuesAsText("id");
        List<String> sources = teams.findValuesAsText("source");
        assertThat(sources.get(ids.indexOf(TestKeys.TEAM))).isEqualTo("config");
        assertThat(sources.get(ids.indexOf("listed"))).isEqualTo("database");
        assertThat(sources).as("configured teams first").isSortedAccordingTo(Comparator.comparing("config"::equals).reversed());
        String research = "/admin/teams/" + TestKeys.TEAM;
        assertThat(json(operator("GET", research, null)).get("name").asText()).isEqualTo(TestKeys.TEAM_NAME);
        assertError(admin("PATCH", research, "{\"name\":\"x\"}"), 409, "team_in_configuration", null);
        assertError(admin("DELETE", research, null), 409, "team_in_configuration", null);
        assertError(admin("POST", "/admin/teams", "{\"id\":\"bad id\"}"), 400, "invalid_value", "id");
        assertError(admin("POST", "/admin/teams", "{\"id\":\"t1\",\"owner\":\"x\"}"), 400, "unknown_parameter", "owner");
        admin("DELETE", "/admin/teams/listed", null);
    }

    /** The gateway writes a key's rows a moment after each answer (asynchronously): polled for a few seconds. */
    @Test
    void aKeysRequestsShowInItsUsageAndInItsTeams() throws InterruptedException {
        admin("POST", "/admin/teams", "{\"id\":\"billing\"}");
        JsonNode key = createKey("{\"name\":\"metered\",\"team\":\"billing\"}");
        long prompt = 0;
        long completion = 0;
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> answer = chatWith(key.get("secret").asText());
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            prompt += json(answer).get("usage").get("prompt_tokens").asLong();
            completion += json(answer).get("usage").get("completion_tokens").asLong();
        }
        // demo/echo's made-up price in config/application.yaml: 1 USD per million prompt tokens, 2 per million completion
        BigDecimal cost = BigDecimal.valueOf(prompt).add(BigDecimal.valueOf(2 * completion)).movePointLeft(6);
        for (String path : new String[] {"/admin/keys/" + key.get("id").asText() + "/usage", "/admin/teams/billing/usage"}) {
            JsonNode usage = usageOnceWritten(path, 3);
            assertThat(usage.get("attempts").asLong()).as(path + ": " + usage).isEqualTo(3);
            assertThat(usage.get("complete").asLong()).isEqualTo(3);
            assertThat(usage.get("prompt_tokens").asLong()).isEqualTo(prompt);
            assertThat(usage.get("completion_tokens").asLong()).isEqualTo(completion);
            assertThat(usage.get("total_tokens").asLong()).isEqualTo(prompt + completion);
            assertThat(usage.get("cost_usd").decimalValue()).isEqualByComparingTo(cost);
            assertThat(usage.get("unpriced").asLong()).isZero();
        }
        admin("DELETE", "/admin/keys/" + key.get("id").asText(), null);
        assertThat(admin("DELETE", "/admin/teams/billing", null).statusCode()).isEqualTo(204);
    }

    @Test
    void theUsageOfAKeyAndOfATeamAreItsLedgerRows() {
        JsonNode key = createKey("{\"name\":\"spender\",\"team\":\"" + TestKeys.TEAM + "\"}");
        String id = key.get("id").asText();
        Instant monday = Instant.parse("2026-03-02T10:00:00Z");
        row(id, TestKeys.TEAM, monday, "COMPLETE", 10, 5, new BigDecimal("0.001500000"));
        row(id, TestKeys.TEAM, monday.plusSeconds(60), "COMPLETE", 20, 7, new BigDecimal("0.002"));
        row(id, TestKeys.TEAM, monday.plusSeconds(120), "FAILED", null, null, null);
        row(id, TestKeys.TEAM, monday.plusSeconds(86_400 * 7), "COMPLETE", 100, 100, null);
        row("team-member", TestKeys.TEAM, monday, "COMPLETE", 1000, 1000, new BigDecimal("1"));
        row("key-someone-else", "other", monday, "COMPLETE", 9, 9, new BigDecimal("9"));

        JsonNode week = json(operator("GET", "/admin/keys/" + id + "/usage?from=2026-03-02T00:00:00Z&to=" + NEXT_MONDAY,
                null));
        assertThat(week.get("key_id").asText()).isEqualTo(id);
        assertThat(week.get("attempts").asLong()).isEqualTo(3);
        assertThat(week.get("complete").asLong()).isEqualTo(2);
        assertThat(week.get("prompt_tokens").asLong()).isEqualTo(30);
        assertThat(week.get("completion_tokens").asLong()).isEqualTo(12);
        assertThat(week.get("total_tokens").asLong()).isEqualTo(42);
        assertThat(week.get("cost_usd").toString()).isEqualTo("0.0035");
        assertThat(week.get("unpriced").asLong()).isEqualTo(1);
        assertThat(week.get("from").asText()).isEqualTo("2026-03-02T00:00:00Z");

        JsonNode all = json(operator("GET", "/admin/keys/" + id + "/usage", null));
        assertThat(all.get("attempts").asLong()).isEqualTo(4);
        assertThat(all.get("total_tokens").asLong()).isEqualTo(242);

        JsonNode team = json(operator("GET", "/admin/teams/" + TestKeys.TEAM + "/usage?to=" + NEXT_MONDAY, null));
        assertThat(team.get("team").asText()).isEqualTo(TestKeys.TEAM);
        assertThat(team.has("key_id")).isFalse();
        assertThat(team.get("attempts").asLong()).isEqualTo(4);
        assertThat(team.get("cost_usd").decimalValue()).isEqualByComparingTo("1.0035");

        assertThat(admin("DELETE", "/admin/keys/" + id, null).statusCode()).isEqualTo(204);
        assertThat(json(operator("GET", "/admin/keys/" + id + "/usage", null)).get("attempts").asLong())
                .as("a deleted key's rows still count").isEqualTo(4);
        JsonNode unpriced = json(operator("GET", "/admin/keys/" + id + "/usage?from=" + NEXT_MONDAY, null));
        assertThat(unpriced.get("cost_usd").isNull()).as(unpriced.toString()).isTrue();
        assertError(operator("GET", "/admin/keys/key-0000000000000000/usage", null), 404, "not_found", "id");
        assertError(operator("GET", "/admin/teams/nobody/usage", null), 404, "not_found", "id");
        assertError(operator("GET", "/admin/keys/team-member/usage?from=yesterday", null), 400, "invalid_value", "from");
        JsonNode member = json(operator("GET", "/admin/keys/team-member/usage?to=" + NEXT_MONDAY, null));
        assertThat(member.get("total_tokens").asLong())
                .as("the rows of the configured key, before today's requests").isEqualTo(2000);
    }

    private static JsonNode usageOnceWritten(String path, long attempts) throws InterruptedException {
        JsonNode usage = json(operator("GET", path, null));
        for (int i = 0; i < 50 && usage.path("attempts").asLong() < attempts; i++) {
            Thread.sleep(100);
            usage = json(operator("GET", path, null));
        }
        return usage;
    }

    private void row(String keyId, String team, Instant startedAt, String status, Integer prompt, Integer completion,
                     BigDecimal cost) {
        jdbc.update("INSERT INTO usage_ledger (request_id, attempt, started_at, finished_at, requested_model, provider, "
                        + "upstream_model, stream, status, prompt_tokens, completion_tokens, total_tokens, usage_source, "
                        + "duration_ms, key_id, team, cost_usd) VALUES (?, 1, ?, ?, 'demo', 'demo', 'echo', FALSE, ?, ?, ?, ?, "
                        + "'PROVIDER', 5, ?, ?, ?)", ROW_PREFIX + UUID.randomUUID(), Timestamp.from(startedAt),
                Timestamp.from(startedAt.plusSeconds(1)), status, prompt, completion,
                prompt == null ? null : prompt + completion, keyId, team, cost);
    }
}
