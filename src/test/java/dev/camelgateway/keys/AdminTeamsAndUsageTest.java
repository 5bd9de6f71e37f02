package dev.camelgateway.keys;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /admin/teams} and the usage of one key or team. The ledger rows are inserted here: on this branch the
 * gateway does not yet write key_id, team and cost_usd on its rows (AttemptTally fills them in another change).
 */
class AdminTeamsAndUsageTest extends AdminApiSupport {
    /** The end of the week of the inserted rows: long before any request these tests make. */
    private static final String NEXT_MONDAY = "2026-03-09T00:00:00Z";
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aTeamLivesUntilItsLastKeyIsGone() {
        HttpResponse<String> created = admin("POST", "/admin/teams", "{\"id\":\"research\",\"name\":\"Research\","
                + "\"limits\":{\"monthly_budget_usd\":500,\"rpm\":100}}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).hasValue("/admin/teams/research");
        assertThat(json(created).get("source").asText()).isEqualTo("database");
        assertError(admin("POST", "/admin/teams", "{\"id\":\"research\"}"), 409, "team_exists", null);
        assertError(admin("POST", "/admin/teams", "{\"id\":\"platform\"}"), 409, "team_exists", null);

        JsonNode patched = json(admin("PATCH", "/admin/teams/research", "{\"limits\":{\"rpm\":200}}"));
        assertThat(patched.get("name").asText()).isEqualTo("Research");
        assertThat(patched.get("limits").get("rpm").asLong()).isEqualTo(200);
        assertThat(patched.get("limits").get("monthly_budget_usd").decimalValue()).isEqualByComparingTo("500");
        assertError(admin("PATCH", "/admin/teams/research", "{\"id\":\"other\"}"), 400, "unknown_parameter", "id");
        assertError(admin("PATCH", "/admin/teams/research", "{\"limits\":{\"tpm\":-5}}"), 400, "invalid_value", "limits.tpm");

        JsonNode key = createKey("{\"name\":\"researcher\",\"team\":\"research\"}");
        assertThat(chatWith(key.get("secret").asText()).statusCode()).isEqualTo(200);
        assertError(admin("DELETE", "/admin/teams/research", null), 409, "team_has_keys", null);
        assertThat(admin("DELETE", "/admin/keys/" + key.get("id").asText(), null).statusCode()).isEqualTo(204);
        assertThat(admin("DELETE", "/admin/teams/research", null).statusCode()).isEqualTo(204);
        assertError(operator("GET", "/admin/teams/research", null), 404, "not_found", "id");
        assertError(admin("POST", "/admin/keys", "{\"name\":\"late\",\"team\":\"research\"}"), 400, "unknown_team", "team");
    }

    @Test
    void configuredTeamsAreListedAndReadOnly() {
        admin("POST", "/admin/teams", "{\"id\":\"listed\"}");
        JsonNode teams = json(operator("GET", "/admin/teams", null)).get("data");
        assertThat(teams.get(0).get("id").asText()).isEqualTo("platform");
        assertThat(teams.get(0).get("source").asText()).isEqualTo("config");
        assertThat(teams.findValuesAsText("id")).contains("listed");
        assertThat(json(operator("GET", "/admin/teams/platform", null)).get("name").asText()).isEqualTo("Platform team");
        assertError(admin("PATCH", "/admin/teams/platform", "{\"name\":\"x\"}"), 409, "team_in_configuration", null);
        assertError(admin("DELETE", "/admin/teams/platform", null), 409, "team_in_configuration", null);
        assertError(admin("POST", "/admin/teams", "{\"id\":\"bad id\"}"), 400, "invalid_value", "id");
        assertError(admin("POST", "/admin/teams", "{\"id\":\"t1\",\"owner\":\"x\"}"), 400, "unknown_parameter", "owner");
        admin("DELETE", "/admin/teams/listed", null);
    }

    @Test
    void theUsageOfAKeyAndOfATeamAreItsLedgerRows() {
        JsonNode key = createKey("{\"name\":\"spender\",\"team\":\"platform\"}");
        String id = key.get("id").asText();
        Instant monday = Instant.parse("2026-03-02T10:00:00Z");
        row(id, "platform", monday, "COMPLETE", 10, 5, new BigDecimal("0.001500000"));
        row(id, "platform", monday.plusSeconds(60), "COMPLETE", 20, 7, new BigDecimal("0.002"));
        row(id, "platform", monday.plusSeconds(120), "FAILED", null, null, null);
        row(id, "platform", monday.plusSeconds(86_400 * 7), "COMPLETE", 100, 100, null);
        row("ci", "platform", monday, "COMPLETE", 1000, 1000, new BigDecimal("1"));
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
        assertThat(week.get("unpriced_attempts").asLong()).isEqualTo(1);
        assertThat(week.get("from").asText()).isEqualTo("2026-03-02T00:00:00Z");

        JsonNode all = json(operator("GET", "/admin/keys/" + id + "/usage", null));
        assertThat(all.get("attempts").asLong()).isEqualTo(4);
        assertThat(all.get("total_tokens").asLong()).isEqualTo(242);

        JsonNode team = json(operator("GET", "/admin/teams/platform/usage?to=" + NEXT_MONDAY, null));
        assertThat(team.get("team").asText()).isEqualTo("platform");
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
        assertError(operator("GET", "/admin/keys/ci/usage?from=yesterday", null), 400, "invalid_value", "from");
        assertThat(json(operator("GET", "/admin/keys/ci/usage?to=" + NEXT_MONDAY, null)).get("total_tokens").asLong())
                .as("the rows of the configured key, before today's requests").isEqualTo(2000);
    }

    private void row(String keyId, String team, Instant startedAt, String status, Integer prompt, Integer completion,
                     BigDecimal cost) {
        jdbc.update("INSERT INTO usage_ledger (request_id, attempt, started_at, finished_at, requested_model, provider, "
                        + "upstream_model, stream, status, prompt_tokens, completion_tokens, total_tokens, usage_source, "
                        + "duration_ms, key_id, team, cost_usd) VALUES (?, 1, ?, ?, 'demo', 'demo', 'echo', FALSE, ?, ?, ?, ?, "
                        + "'PROVIDER', 5, ?, ?, ?)", "req_" + UUID.randomUUID(), Timestamp.from(startedAt),
                Timestamp.from(startedAt.plusSeconds(1)), status, prompt, completion,
                prompt == null ? null : prompt + completion, keyId, team, cost);
    }
}
