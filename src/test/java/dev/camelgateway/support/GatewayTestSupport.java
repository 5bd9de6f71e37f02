package dev.camelgateway.support;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import dev.camelgateway.resilience.ProviderInfrastructure;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

/**
 * One running gateway for every end-to-end test (one Spring context, reused): the real routes/ and config/, with
 * the {@code openai} and {@code mistral} providers pointed at a {@link FakeUpstream} on loopback.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@AutoConfigureObservability // Spring Boot turns metrics export off in tests; the Prometheus endpoint is part of the contract
public abstract class GatewayTestSupport {
    protected static final FakeUpstream UPSTREAM = new FakeUpstream();
    protected static final int PORT = freePort();

    protected static int freePortForAnotherGateway() {
        return freePort();
    }

    protected static final String OPENAI_PATH = "/openai/v1/chat/completions";
    protected static final String MISTRAL_PATH = "/mistral/v1/chat/completions";
    protected static final String ANTHROPIC_PATH = "/anthropic/v1/messages";
    protected static final String ANTHROPIC_COUNT_PATH = "/anthropic/v1/messages/count_tokens";
    /** An anthropic-beta flag the anthropic deployment drops (anthropic-beta-drop) from what /v1/messages clients send. */
    protected static final String DROPPED_BETA = "dropped-beta-2025-01-01";
    protected static final String GEMINI_PATH = "/gemini/v1beta/models/gemini-2.5-flash:generateContent";
    protected static final String OLLAMA_PATH = "/ollama/v1/chat/completions";
    /** Deployments that exist in the test configuration only (see {@link #gatewayProperties}). */
    protected static final java.util.List<String> DEPLOYMENTS = java.util.List.of("east", "west", "narrow");
    /** The two Bedrock deployments' Converse paths start so ({@code /model/{modelId}/converse[-stream]}). */
    protected static final String BEDROCK_BASE = "/bedrock";
    protected static final String BEDROCK_SIGV4_BASE = "/bedrock-sigv4";
    protected static final String BEDROCK_KEY = "ABSKQmVkcm9ja0FQSUtleS1leGFtcGxlLTQ3Mw9Zk2";
    /**
     * The static AWS credentials of the {@code bedrock-sigv4} deployment (SigV4), as a profile of a credentials file
     * this test run writes (aws.profile; the SDK told where by the aws.sharedCredentialsFile and aws.configFile system
     * properties), so the real ~/.aws is never read.
     */
    protected static final String AWS_ACCESS_KEY = "ASIAQ7GATEWAYTEST4KX";
    protected static final String AWS_SECRET_KEY = "Zq8wL2vN5xR1tY7uK4mB9cE3hJ6gF0dS2aP5oI8u";
    protected static final String AWS_SESSION_TOKEN = "IQoJb3JpZ2luX2VjEGATEWAYTESTSESSIONTOKEN7rW2";
    protected static final String GEMINI_STREAM_PATH = "/gemini/v1beta/models/gemini-2.5-flash:streamGenerateContent";

    /**
     * The providers' keys, each reaching the gateway as in production: openai's from the environment (surefire sets
     * OPENAI_API_KEY, pom.xml; the shipped config reads it), anthropic's from a file (api-key-file, with the trailing
     * newline a secret file usually has), the others as properties. Random-looking, as real keys are: a key made of
     * words ("test-anthropic-key") would have every "anthropic" of a log line masked.
     */
    protected static final String OPENAI_KEY = TestSecrets.environment("OPENAI_API_KEY");
    protected static final String ANTHROPIC_KEY = "sk-ant-file-4Tg8Wq2Ze6Rb0Yn3Uk7Mc1Pv5Xs9Ld";
    protected static final String GEMINI_KEY = "AIzaGm4Kq8Rv2Wx6Ty0Uz3Hb7Nf1Jc5Sd";
    protected static final String MISTRAL_KEY = "ms-9Pd3Fh7Kl1Qw5Er8Ty2Ui6Oa";
    protected static final Path ANTHROPIC_KEY_FILE = TestSecrets.write("anthropic", ANTHROPIC_KEY + " \n");
    /**
     * Google's OAuth token endpoint for the vertex deployments, and their service accounts (freshly generated RSA keys,
     * written as key files before the context starts): {@code vertex}'s tokens last an hour, {@code vertex-brief}'s a
     * minute — less than the 3 minutes before expiry at which google-auth-library refreshes.
     */
    protected static final FakeGoogleTokenEndpoint GOOGLE_OAUTH = new FakeGoogleTokenEndpoint();
    protected static final FakeGoogleTokenEndpoint.Account VERTEX_ACCOUNT = GOOGLE_OAUTH.newAccount("gateway", 3600);
    protected static final FakeGoogleTokenEndpoint.Account VERTEX_BRIEF_ACCOUNT = GOOGLE_OAUTH.newAccount("brief", 60);
    protected static final String VERTEX_PREFIX = "/vertex/v1/projects/test-project/locations/us-east5/publishers/";
    protected static final String VERTEX_BRIEF_PREFIX = "/vertex-brief/v1/projects/test-project/locations/global/publishers/";
    private static final Path VERTEX_KEY_FILE = TestSecrets.write("vertex.json", GOOGLE_OAUTH.keyFileJson(VERTEX_ACCOUNT));
    private static final Path VERTEX_BRIEF_KEY_FILE = TestSecrets.write("vertex-brief.json",
            GOOGLE_OAUTH.keyFileJson(VERTEX_BRIEF_ACCOUNT));
    /** The azure deployment's key (sent as api-key); azure-entra's Entra application, its secret from a file. */
    protected static final String AZURE_KEY = "az0Lp7Wq3Nv8Rc2Ty5Hm9Kd4Fx6Gb";
    protected static final String AZURE_TENANT = "5f2d8c1a-7b3e-4a96-8d0c-2e4f6a8b1c3d";
    protected static final String AZURE_CLIENT_ID = "9c4e1b7a-3d2f-4e58-a6b0-7f1c2d3e4a5b";
    protected static final String AZURE_CLIENT_SECRET = "Qx8~kT2vNm5pR9wLc3Zh7Jb1Yd6Fs4Ga";
    protected static final Path AZURE_SECRET_FILE = TestSecrets.write("azure-entra", AZURE_CLIENT_SECRET + "\n");
    /** azure-entra's Entra ID token endpoint (HTTPS, its self-signed CA given as azure.authority-ca-file). */
    protected static final FakeEntra ENTRA = new FakeEntra(AZURE_TENANT, AZURE_CLIENT_ID, AZURE_CLIENT_SECRET);
    protected static final String AZURE_API_VERSION = "2024-10-21";
    /** The gateway key every test sends (key {@code test}, every model); {@link TestKeys} declares the others. */
    protected static final String GATEWAY_KEY = TestKeys.GATEWAY_KEY;
    /** {@link #GATEWAY_KEY} as a raw request's header line (RawHttp, sockets). */
    protected static final String KEY_HEADER_LINE = TestKeys.KEY_HEADER_LINE;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** The test gateway's operator logins (gateway.management.operators): one read-only, one admin. */
    protected static final String OPERATOR_USER = "ops";
    protected static final String OPERATOR_PASSWORD = "ops-password-for-tests";
    protected static final String ADMIN_USER = "root";
    protected static final String ADMIN_PASSWORD = "admin-password-for-tests";

    /** What a test class with a gateway of its own sets, in a static initializer, before its context starts. */
    protected static volatile int gatewayPort = PORT;
    protected static volatile String ledgerUrl = "jdbc:h2:mem:ledger;DB_CLOSE_DELAY=-1";
    protected static volatile String ledgerUser = "sa";

    @DynamicPropertySource
    static void gatewayProperties(DynamicPropertyRegistry registry) {
        // read once, as this context is built: a later test class changing them does not move this gateway
        int port = gatewayPort;
        String ledger = ledgerUrl;
        String user = ledgerUser;
        registry.add("server.port", () -> port);
        int managementPort = freePort();
        registry.add("management.server.port", () -> managementPort);
        registry.add("gateway.management.operators[0].username", () -> OPERATOR_USER);
        registry.add("gateway.management.operators[0].password", () -> OPERATOR_PASSWORD);
        registry.add("gateway.management.operators[1].username", () -> ADMIN_USER);
        registry.add("gateway.management.operators[1].password", () -> ADMIN_PASSWORD);
        registry.add("gateway.management.operators[1].role", () -> "admin");
        registry.add("gateway.ledger.url", () -> ledger);
        registry.add("gateway.ledger.username", () -> user);
        Path ledgerFiles = temporaryDirectory("ledger"); // each gateway its own spool (it locks it)
        registry.add("gateway.ledger.spool.directory", () -> ledgerFiles.resolve("spool").toString());
        registry.add("gateway.ledger.dead-letter.directory", () -> ledgerFiles.resolve("dead-letter").toString());
        registry.add("gateway.providers.openai.base-url", () -> UPSTREAM.url("/openai/v1"));
        registry.add("gateway.providers.mistral.base-url", () -> UPSTREAM.url("/mistral/v1"));
        registry.add("gateway.providers.mistral.api-key", () -> MISTRAL_KEY);
        registry.add("gateway.providers.anthropic.base-url", () -> UPSTREAM.url("/anthropic"));
        registry.add("gateway.providers.anthropic.api-key", () -> ""); // whatever ANTHROPIC_API_KEY the shell has
        registry.add("gateway.providers.anthropic.api-key-file", () -> ANTHROPIC_KEY_FILE.toString());
        registry.add("gateway.providers.anthropic.anthropic-beta-drop[0]", () -> DROPPED_BETA);
        registry.add("gateway.providers.gemini.base-url", () -> UPSTREAM.url("/gemini"));
        registry.add("gateway.providers.gemini.api-key", () -> GEMINI_KEY);
        registry.add("gateway.providers.vertex.type", () -> "vertex");
        registry.add("gateway.providers.vertex.base-url", () -> UPSTREAM.url("/vertex"));
        registry.add("gateway.providers.vertex.vertex.project", () -> "test-project");
        registry.add("gateway.providers.vertex.vertex.location", () -> "us-east5");
        registry.add("gateway.providers.vertex.vertex.credentials-file", VERTEX_KEY_FILE::toString);
        registry.add("gateway.providers.vertex.anthropic-beta-drop[0]", () -> DROPPED_BETA); // Claude on Vertex too
        registry.add("gateway.providers.vertex-brief.type", () -> "vertex");
        registry.add("gateway.providers.vertex-brief.base-url", () -> UPSTREAM.url("/vertex-brief"));
        registry.add("gateway.providers.vertex-brief.vertex.project", () -> "test-project");
        registry.add("gateway.providers.vertex-brief.vertex.location", () -> "global");
        registry.add("gateway.providers.vertex-brief.vertex.credentials-file", VERTEX_BRIEF_KEY_FILE::toString);
        // Azure OpenAI: the v1 API with a key, and the api-version URLs with Entra ID client credentials
        registry.add("gateway.providers.azure.type", () -> "azure-openai");
        registry.add("gateway.providers.azure.base-url", () -> UPSTREAM.url("/azure"));
        registry.add("gateway.providers.azure.api-key", () -> AZURE_KEY);
        registry.add("gateway.providers.azure.retry.max-attempts", () -> 1);
        registry.add("gateway.providers.azure-entra.type", () -> "azure-openai");
        registry.add("gateway.providers.azure-entra.base-url", () -> UPSTREAM.url("/azure-entra"));
        registry.add("gateway.providers.azure-entra.retry.max-attempts", () -> 1);
        registry.add("gateway.providers.azure-entra.azure.api-version", () -> AZURE_API_VERSION);
        registry.add("gateway.providers.azure-entra.azure.tenant-id", () -> AZURE_TENANT);
        registry.add("gateway.providers.azure-entra.azure.client-id", () -> AZURE_CLIENT_ID);
        registry.add("gateway.providers.azure-entra.azure.client-secret-file", () -> AZURE_SECRET_FILE.toString());
        registry.add("gateway.providers.azure-entra.azure.authority-host", ENTRA::authorityHost);
        registry.add("gateway.providers.azure-entra.azure.authority-ca-file", () -> ENTRA.caFile().toString());
        // ollama is the resilience scenarios' primary: small budgets so that faults show quickly
        registry.add("gateway.providers.ollama.base-url", () -> UPSTREAM.url("/ollama/v1"));
        registry.add("gateway.providers.ollama.retry.max-attempts", () -> 2);
        registry.add("gateway.providers.ollama.retry.base-delay", () -> "100ms");
        registry.add("gateway.providers.ollama.retry.max-delay", () -> "3s");
        registry.add("gateway.providers.ollama.timeouts.connect", () -> "1s");
        registry.add("gateway.providers.ollama.revalidate-after-idle", () -> "200ms");
        registry.add("gateway.providers.ollama.timeouts.first-event", () -> "1500ms");
        registry.add("gateway.providers.ollama.timeouts.idle", () -> "1s");
        registry.add("gateway.providers.ollama.timeouts.total", () -> "8s");
        registry.add("gateway.providers.ollama.timeouts.response", () -> "3s");
        registry.add("gateway.providers.ollama.circuit-breaker.sliding-window-size", () -> 4);
        registry.add("gateway.providers.ollama.circuit-breaker.minimum-number-of-calls", () -> 4);
        registry.add("gateway.providers.ollama.circuit-breaker.wait-in-open-state", () -> "1500ms");
        registry.add("gateway.providers.ollama.circuit-breaker.permitted-calls-in-half-open-state", () -> 1);
        registry.add("gateway.models.resilient.target", () -> "ollama/llama3");
        registry.add("gateway.models.resilient.fallbacks[0]", () -> "anthropic/claude-sonnet-4-5");
        registry.add("gateway.models.brief-or-claude.target", () -> "vertex-brief/gemini-2.5-flash");
        registry.add("gateway.models.brief-or-claude.fallbacks[0]", () -> "anthropic/claude-sonnet-4-5");
        registry.add("gateway.models.roomy.target", () -> "ollama/llama3"); // a prompt too long goes to anthropic
        registry.add("gateway.models.roomy.fallbacks[0]", () -> "east/gpt-4o");
        registry.add("gateway.models.roomy.context-fallbacks[0]", () -> "anthropic/claude-sonnet-4-5");
        registry.add("gateway.demo.word-delay", () -> "1ms");
        bedrockDeployments(registry);
        TestKeys.declare(registry);
        registry.add("gateway.limits.body-timeout", () -> "2s"); // HostileInputTest's trickling body
        // two more OpenAI-compatible deployments and a weighted group over them, by configuration alone (no route edited)
        for (String deployment : DEPLOYMENTS) {
            String key = "gateway.providers." + deployment;
            registry.add(key + ".type", () -> "openai");
            registry.add(key + ".base-url", () -> UPSTREAM.url("/" + deployment + "/v1"));
            registry.add(key + ".retry.max-attempts", () -> 1);
            registry.add(key + ".circuit-breaker.sliding-window-size", () -> 4);
            registry.add(key + ".circuit-breaker.minimum-number-of-calls", () -> 4);
        }
        registry.add("gateway.providers.west.malformed-events", () -> "fail"); // strict: MalformedEventsTest
        registry.add("gateway.providers.narrow.max-connections", () -> 1); // one call at a time: the next waits for it
        registry.add("gateway.models.balanced.group[0].target", () -> "east/gpt-4o");
        registry.add("gateway.models.balanced.group[0].weight", () -> 3);
        registry.add("gateway.models.balanced.group[1].target", () -> "west/gpt-4o");
        registry.add("gateway.models.balanced.group[1].weight", () -> 1);
        // streams broken after their first byte continued (StreamContinuationTest): east breaks; mistral prefills,
        // west (openai) regenerates, anthropic's claude-sonnet-4-5 is taken to prefill (its fake may refuse)
        java.util.Map<String, String> continued = java.util.Map.of("continued-prefill", "mistral/mistral-large-latest",
                "continued-regenerated", "west/gpt-4o", "continued-refused", "anthropic/claude-sonnet-4-5");
        continued.forEach((alias, fallback) -> {
            registry.add("gateway.models." + alias + ".target", () -> "east/gpt-4o");
            registry.add("gateway.models." + alias + ".fallbacks[0]", () -> fallback);
            registry.add("gateway.models." + alias + ".on-stream-failure", () -> "continue");
        });
        registry.add("gateway.models.continued-same.target", () -> "ollama/llama3"); // retried: the same deployment
        registry.add("gateway.models.continued-same.fallbacks[0]", () -> "west/gpt-4o"); // after ollama's 1 s idle stall
        registry.add("gateway.models.continued-same.on-stream-failure", () -> "continue");
    }

    /** {@code bedrock}: a Bedrock API key (bearer); {@code bedrock-sigv4}: SigV4 with a profile's session credentials. */
    private static void bedrockDeployments(DynamicPropertyRegistry registry) {
        Path credentials = TestSecrets.write("aws-credentials", "[gateway-test]\naws_access_key_id = " + AWS_ACCESS_KEY
                + "\naws_secret_access_key = " + AWS_SECRET_KEY + "\naws_session_token = " + AWS_SESSION_TOKEN + "\n");
        System.setProperty("aws.sharedCredentialsFile", credentials.toString());
        System.setProperty("aws.configFile", TestSecrets.write("aws-config", "[profile gateway-test]\n").toString());
        for (String id : java.util.List.of("bedrock", "bedrock-sigv4")) {
            String key = "gateway.providers." + id;
            registry.add(key + ".type", () -> "bedrock");
            registry.add(key + ".base-url", () -> UPSTREAM.url("/" + id));
            registry.add(key + ".retry.base-delay", () -> "50ms");
        }
        registry.add("gateway.providers.bedrock.api-key", () -> BEDROCK_KEY);
        registry.add("gateway.providers.bedrock.aws.region", () -> "us-east-1");
        registry.add("gateway.providers.bedrock-sigv4.aws.region", () -> "eu-west-3");
        registry.add("gateway.providers.bedrock-sigv4.aws.profile", () -> "gateway-test");
    }

    @Autowired
    private ProviderInfrastructure providerInfrastructure;
    @Value("${local.server.port}")
    private int localServerPort;
    @Value("${local.management.port}")
    private int localManagementPort;
    /** The port of the gateway the running test talks to (a test class with its own properties has its own gateway). */
    private static volatile int currentPort = PORT;
    private static volatile int currentManagementPort;


    /** Every test starts with a quiet upstream and closed breakers, whatever the tests before it did. */
    @BeforeEach
    void resetUpstreamAndBreakers() {
        currentPort = localServerPort;
        currentManagementPort = localManagementPort;
        UPSTREAM.reset();
        providerInfrastructure.breakers().getAllCircuitBreakers().forEach(CircuitBreaker::reset);
    }

    protected static String gatewayUrl(String path) {
        return "http://127.0.0.1:" + currentPort + path;
    }

    /** The management port (actuator, Hawtio, Jolokia) of the gateway the running test talks to. */
    protected static String managementUrl(String path) {
        return "http://127.0.0.1:" + currentManagementPort + path;
    }

    /** The smallest Chat Completions request for {@code model}: one user message, "hi". */
    protected static String chat(String model, boolean stream) {
        return "{\"model\":\"" + model + "\",\"stream\":" + stream + ",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
    }

    /** An HTTP Basic {@code Authorization} header value. */
    protected static String basic(String user, String password) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The official OpenAI Java SDK pointed at the gateway with {@link #GATEWAY_KEY}, without client-side retries. */
    protected static OpenAIClient openAi() {
        return openAi(GATEWAY_KEY);
    }

    protected static OpenAIClient openAi(String apiKey) {
        return OpenAIOkHttpClient.builder().baseUrl(gatewayUrl("/v1")).apiKey(apiKey).maxRetries(0)
                .timeout(Duration.ofSeconds(30)).build();
    }

    /** The request with {@link #GATEWAY_KEY}, as an OpenAI client sends it. */
    protected static HttpRequest.Builder keyed(HttpRequest.Builder request) {
        return TestKeys.keyed(request);
    }

    /** POSTs with {@link #GATEWAY_KEY}. */
    protected static HttpResponse<String> post(String path, String contentType, String body) {
        HttpRequest.Builder request = keyed(HttpRequest.newBuilder(URI.create(gatewayUrl(path))))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request.build());
    }

    protected static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The request's ledger rows as GET /admin/usage/{request_id} shows them (written a moment after the answer). */
    protected static java.util.List<com.fasterxml.jackson.databind.JsonNode> rows(HttpResponse<String> response, int expected) throws Exception {
        String requestId = response.headers().firstValue("x-request-id").orElseThrow();
        java.util.List<com.fasterxml.jackson.databind.JsonNode> rows = new java.util.ArrayList<>();
        for (int i = 0; i < 100 && rows.size() < expected; i++) {
            HttpResponse<String> usage = send(HttpRequest.newBuilder(URI.create(gatewayUrl("/admin/usage/" + requestId)))
                    .header("Authorization", basic(OPERATOR_USER, OPERATOR_PASSWORD)).GET().build());
            rows.clear();
            if (usage.statusCode() == 200) {
                dev.camelgateway.api.Json.parse(usage.body()).get("attempts").forEach(rows::add);
            }
            if (rows.size() < expected) {
                Thread.sleep(50);
            }
        }
        return rows;
    }

    /** A new directory under target/ (a gateway's spool and dead-letter files, a file database). */
    protected static Path temporaryDirectory(String prefix) {
        try {
            Path parent = Path.of("target", "test-ledgers").toAbsolutePath();
            java.nio.file.Files.createDirectories(parent);
            return java.nio.file.Files.createTempDirectory(parent, prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        return FreePorts.next();
    }
}
