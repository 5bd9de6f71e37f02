package dev.camelgateway.keys;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelgateway.api.GatewayException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The /admin bodies read strictly: every refusal a 400 naming the field; a PATCH merged as RFC 7396 says. */
class AdminBodiesTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{\"name\":\"a\",\"colour\":\"red\"}                  | colour",
            "{\"name\":\"a\",\"limits\":{\"rpm\":\"5\"}}           | limits.rpm",
            "{\"name\":\"a\",\"limits\":{\"rpm\":1.5}}             | limits.rpm",
            "{\"name\":\"a\",\"limits\":{\"rpm\":100000000000000000000000}} | limits.rpm",
            "{\"name\":\"a\",\"limits\":{\"burst\":5}}             | limits.burst",
            "{\"name\":\"a\",\"limits\":{\"daily_budget_usd\":\"5\"}} | limits.daily_budget_usd",
            "{\"name\":\"a\",\"enabled\":\"false\"}                | enabled",
            "{\"name\":\"a\",\"enabled\":0}                        | enabled",
            "{\"name\":5}                                          | name",
            "{\"name\":\"a\",\"models\":[\"x\",7]}                 | models[1]",
            "{\"name\":\"a\",\"models\":\"x\"}                     | models",
            "{\"name\":\"a\",\"metadata\":{\"owner\":5}}           | metadata.owner",
            "{\"name\":\"a\",\"metadata\":[]}                      | metadata",
            "{\"name\":\"a\",\"expires_at\":\"tomorrow\"}          | expires_at",
            "{\"name\":\"a\",\"max_n\":3000000000}                 | max_n",
    })
    void aWrongFieldIsRefusedByName(String body, String param) {
        assertThatThrownBy(() -> AdminBodies.read(AdminBodies.object(bytes(body)), KeyFields.class))
                .isInstanceOfSatisfying(GatewayException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.error().param()).isEqualTo(param);
                    assertThat(e.error().message()).contains(param);
                });
    }

    @Test
    void aRepeatedFieldOrANonObjectIsInvalidJson() {
        for (String body : new String[] {"{\"name\":\"a\",\"name\":\"b\"}", "[]", "\"x\"", "{", ""}) {
            assertThatThrownBy(() -> AdminBodies.read(AdminBodies.object(bytes(body)), KeyFields.class)).as(body)
                    .isInstanceOfSatisfying(GatewayException.class,
                            e -> assertThat(e.error().code()).isEqualTo("invalid_json"));
        }
    }

    @Test
    void aValidBodyReadsWhole() {
        KeyFields fields = AdminBodies.read(AdminBodies.object(bytes("""
                {"name":"ci","team":"platform","models":["fast","openai/*"],"expires_at":"2030-01-01T00:00:00Z",
                 "enabled":false,"metadata":{"owner":"ana"},"max_n":2,"max_tokens":4096,
                 "limits":{"rpm":60,"tpm":100000,"max_parallel_requests":4,"daily_budget_usd":20,"monthly_budget_usd":0.5}}
                """)), KeyFields.class);
        assertThat(fields.name()).isEqualTo("ci");
        assertThat(fields.models()).containsExactly("fast", "openai/*");
        assertThat(fields.expiresAt()).isEqualTo(Instant.parse("2030-01-01T00:00:00Z"));
        assertThat(fields.enabled()).isFalse();
        assertThat(fields.metadata()).isEqualTo(Map.of("owner", "ana"));
        assertThat(fields.limits().maxParallelRequests()).isEqualTo(4);
        assertThat(fields.limits().dailyBudgetUsd()).isEqualByComparingTo("20");
        assertThat(fields.limits().monthlyBudgetUsd()).isEqualByComparingTo(new BigDecimal("0.5"));
        assertThat(fields.maxTokens()).isEqualTo(4096L);
        AdminChecks.check(fields);
    }

    @Test
    void aMergePatchReplacesRemovesAndMergesObjects() {
        ObjectNode target = AdminBodies.object(bytes("{\"name\":\"a\",\"team\":\"t\",\"limits\":{\"rpm\":1,\"tpm\":2},"
                + "\"models\":[\"x\"]}"));
        ObjectNode patch = AdminBodies.object(bytes("{\"team\":null,\"limits\":{\"rpm\":5,\"tpm\":null},\"models\":[\"y\"],"
                + "\"metadata\":{\"k\":\"v\",\"gone\":null}}"));
        assertThat(AdminBodies.merge(target, patch).toString()).isEqualTo("{\"name\":\"a\",\"limits\":{\"rpm\":5},"
                + "\"models\":[\"y\"],\"metadata\":{\"k\":\"v\"}}");
        assertThat(target.toString()).as("the target is not changed").contains("\"team\":\"t\"");
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "{}                                                  | name",
            "{\"name\":\"  \"}                                     | name",
            "{\"name\":\"a\\nb\"}                                  | name",
            "{\"name\":\"a\",\"models\":[\"has space\"]}           | models[0]",
            "{\"name\":\"a\",\"models\":[\"\"]}                    | models[0]",
            "{\"name\":\"a\",\"models\":[null]}                    | models[0]",
            "{\"name\":\"a\",\"metadata\":{\"\":\"v\"}}            | metadata.",
            "{\"name\":\"a\",\"metadata\":{\"k\":null}}            | metadata.k",
            "{\"name\":\"a\",\"limits\":{\"tpm\":-1}}              | limits.tpm",
            "{\"name\":\"a\",\"limits\":{\"max_parallel_requests\":-1}} | limits.max_parallel_requests",
            "{\"name\":\"a\",\"limits\":{\"daily_budget_usd\":-0.01}} | limits.daily_budget_usd",
            "{\"name\":\"a\",\"limits\":{\"monthly_budget_usd\":0.0000000001}} | limits.monthly_budget_usd",
            "{\"name\":\"a\",\"limits\":{\"monthly_budget_usd\":1e12}} | limits.monthly_budget_usd",
            "{\"name\":\"a\",\"max_n\":0}                          | max_n",
            "{\"name\":\"a\",\"max_tokens\":0}                     | max_tokens",
    })
    void anOutOfRangeFieldIsRefusedByName(String body, String param) {
        KeyFields fields = AdminBodies.read(AdminBodies.object(bytes(body)), KeyFields.class);
        assertThatThrownBy(() -> AdminChecks.check(fields)).isInstanceOfSatisfying(GatewayException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.error().param()).isEqualTo(param);
        });
    }

    @Test
    void theSizesAreTheColumns() {
        String longName = "n".repeat(AdminChecks.MAX_NAME + 1);
        assertParam(new KeyFields(longName, null, null, null, null, null, null, null, null), "name");
        assertParam(new KeyFields("a", null, java.util.Collections.nCopies(101, "m"), null, null, null, null, null, null),
                "models");
        List<String> wide = java.util.stream.IntStream.range(0, 100).mapToObj(i -> i + "m".repeat(60)).toList();
        assertParam(new KeyFields("a", null, wide, null, null, null, null, null, null), "models"); // > 4000 as JSON
        Map<String, String> many = new java.util.HashMap<>();
        java.util.stream.IntStream.range(0, 51).forEach(i -> many.put("k" + i, "v"));
        assertParam(new KeyFields("a", null, null, null, null, many, null, null, null), "metadata");
        Map<String, String> big = new java.util.HashMap<>();
        java.util.stream.IntStream.range(0, 10).forEach(i -> big.put("k" + i, "v".repeat(500)));
        assertParam(new KeyFields("a", null, null, null, null, big, null, null, null), "metadata"); // > 4000 as JSON
        assertParam(new KeyFields("a", null, null, null, null, Map.of("k".repeat(65), "v"), null, null, null),
                "metadata." + "k".repeat(65));
        assertParam(new KeyFields("a", null, null, null, null, Map.of("k", "v".repeat(513)), null, null, null), "metadata.k");
    }

    @Test
    void aTeamIdFollowsTheKeyIdsPattern() {
        for (String body : new String[] {"{}", "{\"id\":\"-x\"}", "{\"id\":\"a b\"}", "{\"id\":\"" + "t".repeat(65) + "\"}"}) {
            TeamFields team = AdminBodies.read(AdminBodies.object(bytes(body)), TeamFields.class);
            assertThatThrownBy(() -> AdminChecks.check(team)).as(body).isInstanceOfSatisfying(GatewayException.class,
                    e -> assertThat(e.error().param()).isEqualTo("id"));
        }
        AdminChecks.check(AdminBodies.read(AdminBodies.object(bytes("{\"id\":\"platform.eu_1\"}")), TeamFields.class));
    }

    private static void assertParam(KeyFields fields, String param) {
        assertThatThrownBy(() -> AdminChecks.check(fields)).isInstanceOfSatisfying(GatewayException.class,
                e -> assertThat(e.error().param()).isEqualTo(param));
    }

    private static byte[] bytes(String body) {
        return body.getBytes(StandardCharsets.UTF_8);
    }
}
