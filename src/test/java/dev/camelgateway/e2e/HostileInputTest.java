package dev.camelgateway.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelgateway.support.GatewayTestSupport;
import dev.camelgateway.support.GeneratedBody;
import dev.camelgateway.support.RawHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;

import static dev.camelgateway.support.OpenAiErrors.assertError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an attacker sends to make the gateway fail: every answer is a 4xx in OpenAI's envelope with the gateway's
 * headers, nothing reaches an upstream, and no body is read whole before the size limit applies.
 */
class HostileInputTest extends GatewayTestSupport {
    private static final String CHAT = "/v1/chat/completions";
    private static final String HELLO = "{\"model\":\"demo\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
    private static final int LIMIT = 8 * 1024 * 1024; // gateway.max-request-size of config/application.yaml
    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void bodyWithoutContentTypeIs415SoACrossSiteBlobCannotSpendProviderKeys() {
        assertError(post(CHAT, null, HELLO), 415, "unsupported_media_type", null);
        assertNothingReachedAnUpstream();
    }

    @Test
    void pathParametersDoNotSlipPastTheGuard() {
        assertError(post(CHAT + ";x=1", null, HELLO), 415, "unsupported_media_type", null);
        assertError(post("/v1//chat/completions", null, HELLO), 415, "unsupported_media_type", null);
        assertNothingReachedAnUpstream();
    }

    @Test
    void gzipBodyIs415NamingTheEncoding() throws Exception {
        ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(gzipped)) {
            gzip.write(HELLO.getBytes(StandardCharsets.UTF_8));
        }
        HttpResponse<String> response = send(chat("application/json", gzipped.toByteArray()).header("Content-Encoding", "gzip").build());

        JsonNode error = assertError(response, 415, "unsupported_media_type", null);
        assertThat(error.get("message").asText()).contains("Content-Encoding 'gzip'");
        assertNothingReachedAnUpstream();
    }

    @Test
    void invalidUtf8Is400InvalidJson() {
        byte[] body = HELLO.replace("hi", "h\u00ffi").getBytes(StandardCharsets.ISO_8859_1); // a lone 0xFF byte

        JsonNode error = assertError(send(chat("application/json", body).build()), 400, "invalid_json", null);
        assertThat(error.get("message").asText()).contains("not valid UTF-8");
        assertNothingReachedAnUpstream();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"UTF-16LE", "UTF-16BE", "UTF-16", "UTF-32"}) // UTF-16 with a byte order mark
    void utf16Or32BodyIs400InvalidJson(String charset) {
        byte[] body = HELLO.getBytes(Charset.forName(charset));

        JsonNode error = assertError(send(chat("application/json", body).build()), 400, "invalid_json", null);
        assertThat(error.get("message").asText()).contains("not valid UTF-8");
        assertNothingReachedAnUpstream();
    }

    @Test
    void charsetOtherThanUtf8Is400InvalidJson() {
        JsonNode error = assertError(post(CHAT, "application/json; charset=utf-16", HELLO), 400, "invalid_json", null);
        assertThat(error.get("message").asText()).contains("'utf-16'");
        assertNothingReachedAnUpstream();
    }

    @Test
    void utf8CharsetParameterIsAccepted() {
        HttpResponse<String> response = post(CHAT, "application/json; charset=\"UTF-8\"", HELLO);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "max_tokens, 18446744073709551617",
            "max_tokens, 2147483648",
            "max_completion_tokens, 9223372036854775808",
            "n, 4294967297",
            "seed, 18446744073709551617",
            "top_logprobs, 21",
    })
    void integerOutsideItsRangeIs400InvalidValue(String field, String value) {
        String body = "{\"model\":\"openai/gpt-4o-mini\",\"" + field + "\":" + value
                + ",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

        JsonNode error = assertError(post(CHAT, "application/json", body), 400, "invalid_value", field);
        assertThat(error.get("message").asText()).contains(value);
        assertNothingReachedAnUpstream();
    }

    @Test
    void mistralAssistantToolCallsAsAStringIs400InvalidType() {
        String body = "{\"model\":\"mistral/mistral-small-latest\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"},"
                + "{\"role\":\"assistant\",\"content\":\"\",\"tool_calls\":\"x\"},{\"role\":\"user\",\"content\":\"go\"}]}";

        JsonNode error = assertError(post(CHAT, "application/json", body), 400, "invalid_type", "messages[1].tool_calls");
        assertThat(error.get("message").asText())
                .isEqualTo("Invalid type for 'messages[1].tool_calls': expected an array, but got a string instead.");
        assertNothingReachedAnUpstream();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"gemini-2.5-flash:streamGenerateContent", "gemini;v=1", "gemini&key=x", "user@gemini",
            "gémini-2.5", "gemini\u200b-2.5", "gemini-..-x"})
    void geminiModelIdOutsideLettersDigitsDotsDashesAndUnderscoresIs400(String model) {
        String body = "{\"model\":\"gemini/" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

        JsonNode error = assertError(post(CHAT, "application/json", body), 400, "invalid_value", "model");
        assertThat(error.get("message").asText()).contains("letters, digits");
        assertNothingReachedAnUpstream();
    }

    @Test
    void modelNameLongerThan256CharactersIs400() {
        String body = "{\"model\":\"openai/" + "m".repeat(250) + "\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

        assertError(post(CHAT, "application/json", body), 400, "invalid_value", "model");
        assertNothingReachedAnUpstream();
    }

    /** A longer id was a ledger row the database refused, retried for ever in front of every later row. */
    @Test
    void oversizedClientRequestIdIsBoundedAndItsLedgerRowIsWritten() {
        HttpResponse<String> response = send(chat("application/json", HELLO.getBytes(StandardCharsets.UTF_8))
                .header("x-request-id", "id-" + "x".repeat(3000)).build());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        String echoed = response.headers().firstValue("x-client-request-id").orElseThrow();
        assertThat(echoed).hasSize(256).startsWith("id-xxx");
        String requestId = response.headers().firstValue("x-request-id").orElseThrow();
        List<Map<String, Object>> rows = List.of();
        for (int i = 0; i < 100 && rows.isEmpty(); i++) { // the ledger is written asynchronously: wait, bounded
            rows = jdbc.queryForList("SELECT client_request_id FROM usage_ledger WHERE request_id = ?", requestId);
            sleep(50);
        }
        assertThat(rows).singleElement().satisfies(row -> assertThat(row.get("client_request_id")).isEqualTo(echoed));
    }

    /** Proved by order: the answer arrives while the client is still sending, and it has sent far less than 64 MiB. */
    @Test
    void chunkedBodyOf64MiBIs413BeforeTheClientHasSentIt() throws Exception {
        GeneratedBody body = new GeneratedBody(64L * 1024 * 1024);
        HttpRequest request = chat("application/json", body).build();

        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .sendAsync(request, HttpResponse.BodyHandlers.ofString()).get(60, TimeUnit.SECONDS);
        long producedWhenAnswered = body.produced();

        assertError(response, 413, "request_too_large", null);
        assertThat(body.completed()).as("the client had not finished sending").isFalse();
        assertThat(producedWhenAnswered).as("bytes produced when the answer came").isLessThan(32L * 1024 * 1024);
        assertNothingReachedAnUpstream();
    }

    /** The answer comes though the client then stops sending and never ends its chunked body. */
    @Test
    void chunkedBodyIs413AsSoonAsItCrossesTheLimit() throws Exception {
        try (RawHttp http = new RawHttp(port())) {
            http.write("POST " + CHAT + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + KEY_HEADER_LINE + "Transfer-Encoding: chunked\r\n\r\n");
            byte[] chunk = ("10000\r\n" + "a".repeat(0x10000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            for (int sent = 0; sent <= LIMIT; sent += 0x10000) {
                http.write(chunk);
            }
            assertError(http.read(), 413, "request_too_large");
        }
        assertNothingReachedAnUpstream();
    }

    /** The answer comes though not one byte of the declared body was sent. */
    @Test
    void declaredLengthOverTheLimitIs413WithoutReadingTheBody() throws Exception {
        try (RawHttp http = new RawHttp(port())) {
            http.write("POST " + CHAT + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + KEY_HEADER_LINE + "Content-Length: " + (64L * 1024 * 1024) + "\r\n\r\n");
            assertError(http.read(), 413, "request_too_large");
        }
        assertNothingReachedAnUpstream();
    }

    /** A body that trickles in (a byte now and then, each read well within Tomcat's timeout) is cut at the body deadline. */
    @Test
    void aBodyTricklingInIsCutAtTheBodyTimeout() throws Exception {
        try (RawHttp http = new RawHttp(port())) {
            http.write("POST " + CHAT + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + KEY_HEADER_LINE + "Content-Length: 1000\r\n\r\n{");
            // a byte every 500 ms, each read well within Tomcat's 10 s, for up to 10 s: far past the test's 2 s body timeout
            for (int i = 0; i < 20 && !http.answered(); i++) {
                Thread.sleep(500);
                http.write(" ");
            }
            assertError(http.read(), 408, "request_timeout");
        }
        assertNothingReachedAnUpstream();
    }

    /** Platform-http would read any POST body whole, even for a route that takes none; not one byte of it is sent here. */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "POST, /v1/models,                405, method_not_allowed",
            "POST, /v1/models/openai/gpt-4o,  405, method_not_allowed",
            "PUT,  /v1/chat/completions,      405, method_not_allowed",
            "POST, /demo/v1/chat/completions, 413, request_too_large",
    })
    void bodyOfARouteIsNeverReadWhole(String method, String path, int status, String code) throws Exception {
        assertError(answerWithoutTheBody(method, path, "application/json", KEY_HEADER_LINE), status, code);
        assertNothingReachedAnUpstream();
    }

    /**
     * The ledger's read side too (its answers carry no x-request-id yet, so only the status is checked here); as an
     * admin, since any method but GET needs one.
     */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"PUT, /admin/usage", "POST, /admin/usage/req_1"})
    void bodyOfAnAdminRouteIsNeverReadWhole(String method, String path) throws Exception {
        assertThat(answerWithoutTheBody(method, path, "application/json",
                "Authorization: " + basic(ADMIN_USER, ADMIN_PASSWORD) + "\r\n").status()).isEqualTo(405);
    }

    /** Spring's form-content filter (off) would read a PUT form body whole on any path. */
    @Test
    void formBodyOnAnyOtherPathIsNeverRead() throws Exception {
        assertError(answerWithoutTheBody("PUT", "/nope", "application/x-www-form-urlencoded", ""), 404, "not_found");
    }

    /** The answer to a request that declares a 1 GiB body and sends none of it: it comes only if nothing waited for it. */
    private static RawHttp.Response answerWithoutTheBody(String method, String path, String contentType, String moreHeaders)
            throws Exception {
        try (RawHttp http = new RawHttp(port())) {
            return http.write(method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: " + contentType + "\r\n"
                    + moreHeaders + "Content-Length: " + (1L << 30) + "\r\n\r\n").read();
        }
    }

    private static HttpRequest.Builder chat(String contentType, byte[] body) {
        return chat(contentType, HttpRequest.BodyPublishers.ofByteArray(body));
    }

    /** With the gateway key: a client that holds one is as hostile as any, and gets past authentication. */
    private static HttpRequest.Builder chat(String contentType, HttpRequest.BodyPublisher body) {
        return keyed(HttpRequest.newBuilder(URI.create(gatewayUrl(CHAT)))).header("Content-Type", contentType).POST(body);
    }

    private static int port() {
        return URI.create(gatewayUrl("/")).getPort();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void assertNothingReachedAnUpstream() {
        assertThat(UPSTREAM.received()).as("nothing reached an upstream").isEmpty();
    }
}
