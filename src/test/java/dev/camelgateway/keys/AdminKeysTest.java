package dev.camelgateway.keys;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelgateway.support.RawHttp;
import dev.camelgateway.support.TestKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /admin/keys} end to end: a key made here works on the chat API at once, and
 * stops working at once when disabled, rotated or deleted; operators read, admins change; configured keys are
 * read-only; bad input is a 400 that names the field.
 */
class AdminKeysTest extends AdminApiSupport {

    @Test
    void aKeyWorksFromItsCreationAndStopsWhenDisabledRotatedOrDeleted() {
        HttpResponse<String> created = admin("POST", "/admin/keys",
                "{\"name\":\"Ana's laptop\",\"metadata\":{\"owner\":\"ana\"}}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode key = json(created);
        String id = key.get("id").asText();
        String secret = key.get("secret").asText();
        assertThat(id).startsWith("key-");
        assertThat(secret).startsWith(KeySecrets.PREFIX);
        assertThat(created.headers().firstValue("Location")).hasValue("/admin/keys/" + id);
        assertThat(key.get("source").asText()).isEqualTo("database");
        assertThat(key.get("enabled").asBoolean()).isTrue();
        assertThat(key.get("secret_hint").asText()).isEqualTo(secret.substring(secret.length() - 4));
        assertThat(chatWith(secret).statusCode()).isEqualTo(200);

        String list = operator("GET", "/admin/keys", null).body();
        String one = operator("GET", "/admin/keys/" + id, null).body();
        for (String body : new String[] {list, one}) {
            assertThat(body).contains(id).doesNotContain(secret).doesNotContain(KeySecrets.hash(secret))
                    .doesNotContain("\"secret\"").doesNotContain("hash");
        }
        assertThat(json(operator("GET", "/admin/keys/" + id, null)).get("metadata").get("owner").asText()).isEqualTo("ana");

        HttpResponse<String> disabled = admin("PATCH", "/admin/keys/" + id, "{\"enabled\":false}");
        assertThat(json(disabled).get("enabled").asBoolean()).as(disabled.body()).isFalse();
        assertThat(json(disabled).get("name").asText()).as("a patch keeps the other fields").isEqualTo("Ana's laptop");
        assertError(chatWith(secret), 401, "invalid_api_key", null);
        admin("PATCH", "/admin/keys/" + id, "{\"enabled\":true}");
        assertThat(chatWith(secret).statusCode()).isEqualTo(200);

        HttpResponse<String> rotated = admin("POST", "/admin/keys/" + id + "/rotate", null);
        assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(200);
        String newSecret = json(rotated).get("secret").asText();
        assertThat(newSecret).startsWith(KeySecrets.PREFIX).isNotEqualTo(secret);
        assertError(chatWith(secret), 401, "invalid_api_key", null);
        assertThat(chatWith(newSecret).statusCode()).isEqualTo(200);

        assertThat(admin("DELETE", "/admin/keys/" + id, null).statusCode()).isEqualTo(204);
        assertError(chatWith(newSecret), 401, "invalid_api_key", null);
        assertError(operator("GET", "/admin/keys/" + id, null), 404, "not_found", "id");
        assertError(admin("DELETE", "/admin/keys/" + id, null), 404, "not_found", "id");
    }

    @Test
    void theKeysFieldsHoldOnTheChatApi() {
        JsonNode key = createKey("{\"name\":\"narrow\",\"models\":[\"openai/*\"]}");
        assertError(chatWith(key.get("secret").asText()), 403, "model_not_allowed", "model");
        admin("PATCH", "/admin/keys/" + key.get("id").asText(),
                "{\"models\":[\"demo\"],\"expires_at\":\"2001-01-01T00:00:00Z\"}");
        assertError(chatWith(key.get("secret").asText()), 401, "invalid_api_key", null);
        admin("PATCH", "/admin/keys/" + key.get("id").asText(), "{\"expires_at\":null}");
        assertThat(chatWith(key.get("secret").asText()).statusCode()).isEqualTo(200);
    }

    @Test
    void operatorsReadAdminsChangeStrangersNeither() {
        String id = createKey("{\"name\":\"read me\"}").get("id").asText();
        for (String path : new String[] {"/admin/keys", "/admin/keys/" + id, "/admin/keys/" + id + "/usage", "/admin/teams",
                "/admin/openapi.json"}) {
            assertThat(operator("GET", path, null).statusCode()).as(path).isEqualTo(200);
            assertThat(as(null, null, "GET", path, null).statusCode()).as(path).isEqualTo(401);
        }
        String[][] changes = {{"POST", "/admin/keys", "{\"name\":\"x\"}"},
                {"PATCH", "/admin/keys/" + id, "{\"enabled\":false}"},
                {"POST", "/admin/keys/" + id + "/rotate", null}, {"DELETE", "/admin/keys/" + id, null},
                {"POST", "/admin/teams", "{\"id\":\"ops-team\"}"}, {"DELETE", "/admin/teams/" + TestKeys.TEAM, null}};
        for (String[] change : changes) {
            JsonNode error = assertError(operator(change[0], change[1], change[2]), 403, "permission_denied", null);
            assertThat(error.get("message").asText()).contains("admin role");
            assertError(as(null, null, change[0], change[1], change[2]), 401, "authentication_required", null);
        }
        assertThat(json(operator("GET", "/admin/keys/" + id, null)).get("enabled").asBoolean()).isTrue();
        assertThat(chatWith("sk-gw-not-a-key").statusCode()).isEqualTo(401);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "{}                                              | name          | invalid_value",
            "{\"name\":\"a\",\"team\":\"nobody\"}              | team          | unknown_team",
            "{\"name\":\"a\",\"secret\":\"mine\"}              | secret        | unknown_parameter",
            "{\"name\":\"a\",\"id\":\"key-1\"}                 | id            | unknown_parameter",
            "{\"name\":\"a\",\"limits\":{\"rpm\":-1}}          | limits.rpm    | invalid_value",
            "{\"name\":\"a\",\"limits\":{\"rpm\":\"many\"}}    | limits.rpm    | invalid_type",
            "{\"name\":\"a\",\"limits\":{\"burst\":1}}         | limits.burst  | unknown_parameter",
            "{\"name\":\"a\",\"models\":[\"ok\",\"not ok\"]}   | models[1]     | invalid_value",
            "{\"name\":\"a\",\"metadata\":{\"k\":1}}           | metadata.k    | invalid_type",
            "{\"name\":\"a\",\"expires_at\":\"soon\"}          | expires_at    | invalid_type",
            "{\"name\":\"a\",\"max_n\":0}                      | max_n         | invalid_value",
    })
    void badInputIsA400NamingTheField(String body, String param, String code) {
        int before = json(operator("GET", "/admin/keys", null)).get("data").size();
        assertError(admin("POST", "/admin/keys", body), 400, code, param);
        assertThat(json(operator("GET", "/admin/keys", null)).get("data").size()).as("nothing made").isEqualTo(before);
    }

    @Test
    void aPatchIsCheckedAsACreation() {
        String id = createKey("{\"name\":\"patched\"}").get("id").asText();
        assertError(admin("PATCH", "/admin/keys/" + id, "{\"name\":null}"), 400, "invalid_value", "name");
        assertError(admin("PATCH", "/admin/keys/" + id, "{\"colour\":null}"), 400, "unknown_parameter", "colour");
        assertError(admin("PATCH", "/admin/keys/" + id, "{\"team\":\"nobody\"}"), 400, "unknown_team", "team");
        assertError(admin("PATCH", "/admin/keys/" + id, "[]"), 400, "invalid_json", null);
        assertError(admin("PATCH", "/admin/keys/key-0000000000000000", "{}"), 404, "not_found", "id");
        String patch = "{\"team\":\"" + TestKeys.TEAM + "\",\"limits\":{\"rpm\":60},\"max_tokens\":512}";
        JsonNode patched = json(admin("PATCH", "/admin/keys/" + id, patch));
        assertThat(patched.get("team").asText()).isEqualTo(TestKeys.TEAM);
        assertThat(patched.get("limits").get("rpm").asLong()).isEqualTo(60);
        JsonNode merged = json(admin("PATCH", "/admin/keys/" + id, "{\"limits\":{\"tpm\":1000},\"team\":null}"));
        assertThat(merged.get("limits").get("rpm").asLong()).as("limits merge member by member").isEqualTo(60);
        assertThat(merged.get("limits").get("tpm").asLong()).isEqualTo(1000);
        assertThat(merged.has("team")).isFalse();
        assertThat(merged.get("max_tokens").asLong()).isEqualTo(512);
    }

    /** Key team-member of TestKeys: declared in configuration, in the configured team research. */
    @Test
    void configuredKeysAreListedAndReadOnly() {
        JsonNode member = json(operator("GET", "/admin/keys/team-member", null));
        assertThat(member.get("source").asText()).isEqualTo("config");
        assertThat(member.get("team").asText()).isEqualTo(TestKeys.TEAM);
        assertThat(member.get("name").asText()).isEqualTo("team-member");
        assertThat(member.has("secret_hint")).as("a configured secret stays in its configuration").isFalse();
        String list = operator("GET", "/admin/keys", null).body();
        assertThat(list).contains("\"id\":\"team-member\"", "\"id\":\"test\"", "\"id\":\"disabled\"");
        for (String secret : new String[] {TestKeys.TEAM_KEY, GATEWAY_KEY, TestKeys.DISABLED_KEY}) {
            assertThat(list).doesNotContain(secret).doesNotContain(KeySecrets.hash(secret));
        }
        for (String[] change : new String[][] {{"PATCH", "/admin/keys/team-member", "{\"enabled\":false}"},
                {"POST", "/admin/keys/team-member/rotate", null}, {"DELETE", "/admin/keys/team-member", null}}) {
            JsonNode error = assertError(admin(change[0], change[1], change[2]), 409, "key_in_configuration", null);
            assertThat(error.get("message").asText()).contains("gateway.auth.keys.team-member");
        }
        assertThat(chatWith(TestKeys.TEAM_KEY).statusCode()).isEqualTo(200);
    }

    @Test
    void aWrongMethodIs405WithAllow() {
        HttpResponse<String> put = admin("PUT", "/admin/keys", "{}");
        assertError(put, 405, "method_not_allowed", null);
        assertThat(put.headers().firstValue("Allow")).hasValue("GET, POST");
        assertThat(admin("GET", "/admin/keys/test/rotate", null).headers().firstValue("Allow")).hasValue("POST");
        assertThat(admin("POST", "/admin/keys/test", null).headers().firstValue("Allow")).hasValue("GET, PATCH, DELETE");
    }

    /** A PATCH body is JSON guarded as a chat request's: a declared gigabyte is refused before a byte is read. */
    @Test
    void aPatchBodyIsBoundedBeforeItIsRead() throws Exception {
        try (RawHttp http = new RawHttp(port())) {
            RawHttp.Response response = http.write("PATCH /admin/keys/key-1 HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: "
                    + basic(ADMIN_USER, ADMIN_PASSWORD) + "\r\nContent-Type: application/json\r\nContent-Length: "
                    + (1L << 30) + "\r\n\r\n").read();
            assertThat(response.status()).isEqualTo(413);
        }
        try (RawHttp http = new RawHttp(port())) {
            RawHttp.Response response = http.write("DELETE /admin/keys/key-1 HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: "
                    + basic(ADMIN_USER, ADMIN_PASSWORD) + "\r\nContent-Type: application/json\r\nContent-Length: "
                    + (1L << 30) + "\r\n\r\n").read();
            assertThat(response.status()).as("no body taken, none waited for").isEqualTo(404);
        }
    }

    private static int port() {
        return java.net.URI.create(gatewayUrl("/")).getPort();
    }
}
