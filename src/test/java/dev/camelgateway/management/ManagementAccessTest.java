package dev.camelgateway.management;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelgateway.api.Json;
import dev.camelgateway.support.GatewayTestSupport;
import dev.camelgateway.support.KeyLeaks;
import dev.camelgateway.support.RawHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The management side as a stranger, an operator and an admin see it: nothing but health and prometheus without a
 * login, on either port; operators read; admins change only what the policy allows; the dangerous operations are
 * refused to everyone; no cross-origin page and no GET can drive Jolokia.
 */
class ManagementAccessTest extends GatewayTestSupport {
    private static final String CONTEXT_MBEAN = "org.apache.camel:context=camel-llm-gateway,type=context,name=\\\"camel-llm-gateway\\\"";

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/actuator", "/actuator/hawtio/", "/actuator/hawtio/jolokia/version", "/actuator/jolokia/version",
            "/actuator/metrics", "/actuator/info", "/actuator/env", "/actuator/configprops", "/actuator/beans",
            "/actuator/heapdump", "/actuator/threaddump", "/actuator/loggers", "/actuator/camelroutes", "/actuator/mappings",
            "/admin/usage", "/nothing-here"})
    void anonymousGetsNothingOnTheManagementPort(String path) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(managementUrl(path))).GET().build());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isIn(401, 403, 404);
        assertThat(response.body()).doesNotContain("camel-llm-gateway\",\"").doesNotContain("sk-test");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"{\"type\":\"read\",\"mbean\":\"java.lang:type=Runtime\",\"attribute\":\"Name\"}",
            "{\"type\":\"list\"}", "{\"type\":\"search\",\"mbean\":\"org.apache.camel:*\"}",
            "{\"type\":\"exec\",\"mbean\":\"java.lang:type=Memory\",\"operation\":\"gc\"}"})
    void anonymousJolokiaPostsAreRefused(String request) {
        for (String path : new String[]{"/actuator/jolokia", "/actuator/hawtio/jolokia"}) {
            HttpResponse<String> response = jolokia(path, request, null, null);
            assertThat(response.statusCode()).as(path).isIn(401, 403); // 403: a POST without a session's CSRF token
            assertThat(response.body()).doesNotContain("\"value\"");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/actuator/health", "/actuator/prometheus", "/actuator/jolokia/version", "/actuator/hawtio/"})
    void theApiPortServesNoManagementEndpoint(String path) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(gatewayUrl(path))).GET().build());
        assertThat(response.statusCode()).as(path).isEqualTo(404);
    }

    @Test
    void adminEndpointsOnTheApiPortNeedAnOperator() {
        HttpResponse<String> anonymous = send(HttpRequest.newBuilder(URI.create(gatewayUrl("/admin/usage"))).GET().build());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
        assertThat(anonymous.body()).contains("\"code\":\"authentication_required\"");
        HttpResponse<String> wrong = send(HttpRequest.newBuilder(URI.create(gatewayUrl("/admin/usage")))
                .header("Authorization", basic(OPERATOR_USER, "not-the-password")).GET().build());
        assertThat(wrong.statusCode()).isEqualTo(401);
        HttpResponse<String> operator = send(HttpRequest.newBuilder(URI.create(gatewayUrl("/admin/usage")))
                .header("Authorization", basic(OPERATOR_USER, OPERATOR_PASSWORD)).GET().build());
        assertThat(operator.statusCode()).as(operator.body()).isEqualTo(200);
        assertThat(operator.headers().firstValue("Set-Cookie")).as("no session on the API port").isEmpty();
    }

    @Test
    void healthAndPrometheusNeedNoLogin() {
        assertThat(send(HttpRequest.newBuilder(URI.create(managementUrl("/actuator/health"))).GET().build()).body())
                .contains("\"status\":\"UP\"");
        assertThat(send(HttpRequest.newBuilder(URI.create(managementUrl("/actuator/prometheus"))).GET().build()).statusCode())
                .isEqualTo(200);
    }

    @Test
    void operatorsReadCamelThroughJolokia() throws Exception {
        JsonNode search = ok(jolokia("/actuator/jolokia", "{\"type\":\"search\",\"mbean\":\"org.apache.camel:type=routes,*\"}",
                OPERATOR_USER, OPERATOR_PASSWORD));
        assertThat(search.get("value").toString()).contains("provider-openai").contains("attempt-demo");
        JsonNode read = ok(jolokia("/actuator/jolokia", "{\"type\":\"read\",\"mbean\":\"org.apache.camel:context=camel-llm-gateway,"
                + "type=routes,name=\\\"chat\\\"\",\"attribute\":\"State\"}", OPERATOR_USER, OPERATOR_PASSWORD));
        assertThat(read.get("value").asText()).isEqualTo("Started");
        assertThat(ok(jolokia("/actuator/hawtio/jolokia", "{\"type\":\"list\",\"path\":\"org.apache.camel\"}",
                OPERATOR_USER, OPERATOR_PASSWORD)).get("value").size()).isPositive();
    }

    /** Hawtio's route diagram and statistics are Camel's read-only dump operations: open to operators. */
    @Test
    void operatorsMayCallTheReadOnlyOperationsHawtioNeeds() throws Exception {
        assertThat(ok(jolokia("/actuator/jolokia", "{\"type\":\"exec\",\"mbean\":\"" + CONTEXT_MBEAN
                + "\",\"operation\":\"dumpRoutesStatsAsXml\",\"arguments\":[true,true]}", OPERATOR_USER, OPERATOR_PASSWORD))
                .get("value").asText()).contains("provider-openai");
        assertThat(ok(jolokia("/actuator/jolokia", "{\"type\":\"exec\",\"mbean\":\"" + CONTEXT_MBEAN
                + "\",\"operation\":\"dumpRoutesAsXml()\"}", OPERATOR_USER, OPERATOR_PASSWORD)).get("value").asText())
                .contains("circuitBreaker");
    }

    @Test
    void operatorsCannotExecuteOrWrite() throws Exception {
        assertForbidden(jolokia("/actuator/jolokia", "{\"type\":\"exec\",\"mbean\":\"java.lang:type=Memory\",\"operation\":\"gc\"}",
                OPERATOR_USER, OPERATOR_PASSWORD));
        assertForbidden(jolokia("/actuator/jolokia", "{\"type\":\"exec\",\"mbean\":\"org.apache.camel:context=camel-llm-gateway,"
                + "type=routes,name=\\\"chat\\\"\",\"operation\":\"stop()\"}", OPERATOR_USER, OPERATOR_PASSWORD));
        assertForbidden(jolokia("/actuator/jolokia", "{\"type\":\"write\",\"mbean\":\"java.lang:type=Memory\",\"attribute\":\"Verbose\","
                + "\"value\":true}", OPERATOR_USER, OPERATOR_PASSWORD));
    }

    @Test
    void adminsMayChangeWhatThePolicyAllows() throws Exception {
        ok(jolokia("/actuator/jolokia", "{\"type\":\"exec\",\"mbean\":\"java.lang:type=Memory\",\"operation\":\"gc\"}",
                ADMIN_USER, ADMIN_PASSWORD));
        ok(jolokia("/actuator/jolokia", "{\"type\":\"exec\",\"mbean\":\"org.apache.camel:context=camel-llm-gateway,"
                + "type=routes,name=\\\"models\\\"\",\"operation\":\"reset()\"}", ADMIN_USER, ADMIN_PASSWORD));
    }

    /** Code loading, heap dumps, recordings, sending to endpoint URIs, replacing routes: refused even to an admin. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "{\"type\":\"exec\",\"mbean\":\"com.sun.management:type=DiagnosticCommand\",\"operation\":\"jvmtiAgentLoad\",\"arguments\":[[\"/tmp/x.jar\"]]}",
            "{\"type\":\"exec\",\"mbean\":\"com.sun.management:type=DiagnosticCommand\",\"operation\":\"vmSystemProperties\"}",
            "{\"type\":\"exec\",\"mbean\":\"com.sun.management:type=HotSpotDiagnostic\",\"operation\":\"dumpHeap\",\"arguments\":[\"/tmp/h.hprof\",true]}",
            "{\"type\":\"exec\",\"mbean\":\"jdk.management.jfr:type=FlightRecorder\",\"operation\":\"newRecording\"}",
            "{\"type\":\"exec\",\"mbean\":\"" + CONTEXT_MBEAN + "\",\"operation\":\"sendBody(java.lang.String,java.lang.Object)\",\"arguments\":[\"file:/tmp/gw-test?fileName=x.jar\",\"x\"]}",
            "{\"type\":\"exec\",\"mbean\":\"" + CONTEXT_MBEAN + "\",\"operation\":\"requestStringBody(java.lang.String,java.lang.String)\",\"arguments\":[\"language:simple:${env.PATH}\",\"x\"]}",
            "{\"type\":\"exec\",\"mbean\":\"" + CONTEXT_MBEAN + "\",\"operation\":\"addOrUpdateRoutesFromXml(java.lang.String)\",\"arguments\":[\"<routes/>\"]}",
            // builds any endpoint URI, whose options can call a static method (found by review: code execution)
            "{\"type\":\"exec\",\"mbean\":\"" + CONTEXT_MBEAN + "\",\"operation\":\"canSendToEndpoint\",\"arguments\":[\"log:x\"]}",
            "{\"type\":\"exec\",\"mbean\":\"" + CONTEXT_MBEAN + "\",\"operation\":\"createEndpoint\",\"arguments\":[\"log:x\"]}",
            "{\"type\":\"exec\",\"mbean\":\"hawtio:type=security,name=RBACRegistry\",\"operation\":\"list()\"}",
            "{\"type\":\"read\",\"mbean\":\"java.lang:type=Runtime\",\"attribute\":\"InputArguments\"}",
            "{\"type\":\"read\",\"mbean\":\"java.lang:type=Runtime\",\"attribute\":\"SystemProperties\"}"})
    void dangerousOperationsAreRefusedEvenToAdmins(String request) throws Exception {
        assertForbidden(jolokia("/actuator/jolokia", request, ADMIN_USER, ADMIN_PASSWORD));
    }

    /** Jolokia 2.6 never asks its access policy about notifications: its notification backends are left out. */
    @Test
    void noNotificationListenerCanBeAdded() throws Exception {
        for (String mode : new String[]{"pull", "sse"}) {
            JsonNode added = Json.parse(jolokia("/actuator/jolokia", "{\"type\":\"notification\",\"command\":\"add\",\"client\":\"x\","
                    + "\"mode\":\"" + mode + "\",\"mbean\":\"java.lang:type=Memory\"}", ADMIN_USER, ADMIN_PASSWORD).body());
            assertThat(added.path("status").asInt()).as(added.toString()).isNotEqualTo(200);
            assertThat(added.has("value")).isFalse();
        }
    }

    @Test
    void dangerousMBeansAreHiddenFromTheList() throws Exception {
        String list = ok(jolokia("/actuator/jolokia", "{\"type\":\"search\",\"mbean\":\"*:*\"}", ADMIN_USER, ADMIN_PASSWORD))
                .get("value").toString();
        assertThat(list).contains("java.lang:type=Memory").doesNotContain("DiagnosticCommand").doesNotContain("HotSpotDiagnostic");
    }

    @Test
    void jolokiaRefusesForeignOriginsAndGet() {
        HttpResponse<String> foreign = send(HttpRequest.newBuilder(URI.create(managementUrl("/actuator/jolokia")))
                .header("Authorization", basic(ADMIN_USER, ADMIN_PASSWORD)).header("Origin", "http://evil.example")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"version\"}")).build());
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(foreign.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        HttpResponse<String> preflight = send(HttpRequest.newBuilder(URI.create(managementUrl("/actuator/jolokia")))
                .header("Origin", "http://evil.example").header("Access-Control-Request-Method", "POST")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build());
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
        HttpResponse<String> get = send(HttpRequest.newBuilder(URI.create(managementUrl("/actuator/jolokia/read/java.lang:type=Memory/Verbose")))
                .header("Authorization", basic(ADMIN_USER, ADMIN_PASSWORD)).GET().build());
        assertThat(get.body()).contains("\"status\":403").doesNotContain("\"value\"");
    }

    /**
     * Everything an admin can read on the management side holds no provider key (the env one and the file one):
     * every readable attribute of every MBean, the MBean list, Hawtio's route dumps, info, metrics, the scrape.
     */
    @Test
    void noManagementReadShowsAProviderKey() throws Exception {
        openAi().chat().completions().create(com.openai.models.chat.completions.ChatCompletionCreateParams.builder()
                .model("demo").addUserMessage("hi").build());
        List<String> reads = List.of("{\"type\":\"read\",\"mbean\":\"*:*\",\"config\":{\"ignoreErrors\":true}}", "{\"type\":\"list\"}",
                "{\"type\":\"exec\",\"mbean\":\"" + CONTEXT_MBEAN + "\",\"operation\":\"dumpRoutesAsXml(boolean,boolean)\",\"arguments\":[true,true]}",
                "{\"type\":\"exec\",\"mbean\":\"" + CONTEXT_MBEAN + "\",\"operation\":\"dumpRoutesStatsAsXml\",\"arguments\":[true,true]}");
        for (String read : reads) {
            HttpResponse<String> response = jolokia("/actuator/jolokia", read, ADMIN_USER, ADMIN_PASSWORD);
            assertThat(response.body().length()).as(read).isGreaterThan(1000);
            KeyLeaks.assertNoKeyIn(read, response.body());
        }
        for (String path : List.of("/actuator", "/actuator/info", "/actuator/metrics", "/actuator/prometheus", "/actuator/health")) {
            HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(managementUrl(path)))
                    .header("Authorization", basic(ADMIN_USER, ADMIN_PASSWORD)).GET().build());
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            KeyLeaks.assertNoKeyIn(response);
        }
    }

    /** Ten wrong passwords from one address hold that address back, even with the right one; other addresses go on. */
    @Test
    void repeatedFailedLoginsAreHeldBackPerAddress() throws Exception {
        int api = URI.create(gatewayUrl("/")).getPort();
        for (int i = 0; i < 10; i++) {
            assertThat(getFrom("127.0.0.5", api, "/admin/usage", basic(OPERATOR_USER, "wrong-" + i))).startsWith("HTTP/1.1 401");
        }
        String held = getFrom("127.0.0.5", api, "/admin/usage", basic(OPERATOR_USER, OPERATOR_PASSWORD));
        assertThat(held).startsWith("HTTP/1.1 429").contains("Retry-After: ").contains("too_many_login_failures");
        assertThat(getFrom("127.0.0.5", URI.create(managementUrl("/")).getPort(), "/actuator/info",
                basic(ADMIN_USER, ADMIN_PASSWORD))).as("on the management port too").startsWith("HTTP/1.1 429");
        assertThat(getFrom("127.0.0.1", api, "/admin/usage", basic(OPERATOR_USER, OPERATOR_PASSWORD))).startsWith("HTTP/1.1 200");
    }

    /** A login that succeeds (any account's) does not clear the count: it would let one account's holder guess another's. */
    @Test
    void aSuccessfulLoginBetweenGuessesDoesNotResetTheCount() throws Exception {
        int api = URI.create(gatewayUrl("/")).getPort();
        for (int i = 0; i < 9; i++) {
            assertThat(getFrom("127.0.0.6", api, "/admin/usage", basic(ADMIN_USER, "guess-" + i))).startsWith("HTTP/1.1 401");
        }
        assertThat(getFrom("127.0.0.6", api, "/admin/usage", basic(OPERATOR_USER, OPERATOR_PASSWORD))).startsWith("HTTP/1.1 200");
        assertThat(getFrom("127.0.0.6", api, "/admin/usage", basic(ADMIN_USER, "guess-9"))).startsWith("HTTP/1.1 401");

        assertThat(getFrom("127.0.0.6", api, "/admin/usage", basic(ADMIN_USER, "guess-10"))).startsWith("HTTP/1.1 429");
    }

    private static String getFrom(String source, int port, String path, String authorization) throws Exception {
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.bind(new java.net.InetSocketAddress(java.net.InetAddress.getByName(source), 0));
            socket.connect(new java.net.InetSocketAddress("127.0.0.1", port), 5000);
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + authorization
                    + "\r\nConnection: close\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /** Paths Tomcat and Spring would read differently: refused before anything parses them (they were 500s). */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/actuator/health/../jolokia", "/actuator/health/;/../jolokia", "/actuator/%2e%2e/jolokia",
            "/actuator//jolokia", "/actuator/health;x"})
    void pathTricksOnTheManagementPortAre400(String path) throws Exception {
        try (RawHttp http = new RawHttp(URI.create(managementUrl("/")).getPort())) {
            RawHttp.Response response = http.write("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n").read();
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.body()).contains("\"code\":\"bad_request\"");
        }
    }

    /** DNS rebinding: a page whose own name resolves to 127.0.0.1 is same-origin to the browser, not to the gateway. */
    @Test
    void aHostNameTheGatewayDoesNotAnswerToIsRefusedOnBothPorts() throws Exception {
        int api = URI.create(gatewayUrl("/")).getPort();
        int management = URI.create(managementUrl("/")).getPort();
        String chat = "{\"model\":\"demo\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}";
        String[] requests = {
                "POST /v1/chat/completions HTTP/1.1\r\nHost: rebind.attacker.example:" + api + "\r\nOrigin: http://rebind.attacker.example:"
                        + api + "\r\nContent-Type: application/json\r\nContent-Length: " + chat.length() + "\r\nConnection: close\r\n\r\n" + chat,
                "GET /actuator/prometheus HTTP/1.1\r\nHost: rebind.attacker.example:" + management + "\r\nx-request-id: mine-7"
                        + "\r\nConnection: close\r\n\r\n",
                "GET /login HTTP/1.1\r\nHost: rebind.attacker.example:" + management + "\r\nConnection: close\r\n\r\n"};
        int[] ports = {api, management, management};
        for (int i = 0; i < requests.length; i++) {
            try (RawHttp http = new RawHttp(ports[i])) {
                RawHttp.Response response = http.write(requests[i]).read();
                assertThat(response.status()).as(requests[i]).isEqualTo(400);
                assertThat(response.body()).contains("\"code\":\"invalid_host\"");
                assertThat(response.headers().get("x-request-id")).as("every refusal has its request id").startsWith("req_");
            }
        }
        try (RawHttp http = new RawHttp(management)) {
            assertThat(http.write(requests[1]).read().headers().get("x-client-request-id")).as("and echoes the client's")
                    .isEqualTo("mine-7");
        }
        try (RawHttp http = new RawHttp(management)) {
            assertThat(http.write("GET /actuator/health HTTP/1.1\r\nHost: localhost:" + management + "\r\nConnection: close\r\n\r\n")
                    .read().status()).isEqualTo(200);
        }
    }

    /** A browser's session: form login, then Hawtio's calls need the CSRF token from the cookie. */
    @Test
    void aLoggedInBrowserSessionNeedsTheCsrfToken() throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(managementUrl("/actuator/hawtio/")))
                .header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
        HttpResponse<String> form = browser.send(HttpRequest.newBuilder(URI.create(managementUrl("/login"))).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher csrf = Pattern.compile("name=\"_csrf\" type=\"hidden\" value=\"([^\"]+)\"").matcher(form.body());
        assertThat(csrf.find()).as(form.body()).isTrue();
        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(URI.create(managementUrl("/login")))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(
                        "username=" + OPERATOR_USER + "&password=" + OPERATOR_PASSWORD + "&_csrf=" + csrf.group(1))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("/actuator/hawtio/"));

        HttpRequest.Builder search = HttpRequest.newBuilder(URI.create(managementUrl("/actuator/jolokia")))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"search\",\"mbean\":\"org.apache.camel:type=routes,*\"}"));
        assertThat(browser.send(search.build(), HttpResponse.BodyHandlers.ofString()).statusCode()).as("no CSRF token").isEqualTo(403);
        String token = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN")).findFirst()
                .orElseThrow().getValue();
        HttpResponse<String> withToken = browser.send(search.header("X-XSRF-TOKEN", token).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(withToken.statusCode()).isEqualTo(200);
        assertThat(withToken.body()).contains("provider-openai");
        HttpResponse<String> hawtio = browser.send(HttpRequest.newBuilder(URI.create(managementUrl("/actuator/hawtio/")))
                .header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(hawtio.statusCode()).isEqualTo(200);
        assertThat(hawtio.body()).contains("<title>Hawtio</title>");
    }

    private static HttpResponse<String> jolokia(String path, String body, String user, String password) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(managementUrl(path)))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (user != null) {
            request.header("Authorization", basic(user, password));
        }
        return send(request.build());
    }

    private static JsonNode ok(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = Json.parse(response.body());
        assertThat(body.path("status").asInt()).as(response.body()).isEqualTo(200);
        return body;
    }

    private static void assertForbidden(HttpResponse<String> response) throws Exception {
        JsonNode body = Json.parse(response.body());
        assertThat(body.path("status").asInt()).as(response.body()).isEqualTo(403);
        assertThat(body.has("value")).as(response.body()).isFalse();
    }
}
