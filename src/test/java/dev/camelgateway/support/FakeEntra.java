package dev.camelgateway.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fake Microsoft Entra ID token endpoint over HTTPS (msal4j insists on https), speaking the v2 endpoint's wire
 * format: {@code POST /{tenant}/oauth2/v2.0/token} with a form body ({@code grant_type=client_credentials},
 * {@code client_id}, {@code client_secret}, {@code scope}) → {@code {"token_type":"Bearer","expires_in":…,
 * "ext_expires_in":…,"access_token":…}}; a wrong secret → 401 {@code invalid_client} as Entra answers it. Its
 * certificate is self-signed, made by {@code keytool} at start; {@link #caFile()} is that certificate in PEM.
 */
public final class FakeEntra implements AutoCloseable {
    private static final String PASSWORD = "fake-entra-store";
    private final HttpsServer server;
    private final Path caFile;
    private final List<Map<String, String>> tokenRequests = new CopyOnWriteArrayList<>();
    private final List<String> issued = new CopyOnWriteArrayList<>();
    /** 303 s: msal4j renews a token within 5 minutes of its expiry, so these are reused for 3 seconds only. */
    private final AtomicInteger expiresIn = new AtomicInteger(303);
    private final java.util.concurrent.atomic.AtomicBoolean refuseNext = new java.util.concurrent.atomic.AtomicBoolean();
    private final String tenant;
    private final String clientId;
    private final String clientSecret;

    public FakeEntra(String tenant, String clientId, String clientSecret) {
        this.tenant = tenant;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        try {
            Path dir = Files.createTempDirectory("fake-entra");
            Path store = dir.resolve("entra.p12");
            caFile = dir.resolve("entra-ca.pem");
            keytool("-genkeypair", "-alias", "entra", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                    "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-keystore", store.toString(),
                    "-storetype", "PKCS12", "-storepass", PASSWORD, "-keypass", PASSWORD);
            keytool("-exportcert", "-rfc", "-alias", "entra", "-keystore", store.toString(), "-storepass", PASSWORD,
                    "-file", caFile.toString());
            KeyStore keys = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(store)) {
                keys.load(in, PASSWORD.toCharArray());
            }
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keys, PASSWORD.toCharArray());
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(kmf.getKeyManagers(), null, null);
            server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setHttpsConfigurator(new HttpsConfigurator(tls));
            server.createContext("/", this::handle);
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException("keytool failed: " + out);
        }
    }

    /** The authority host to configure ({@code https://127.0.0.1:<port>/}). */
    public String authorityHost() {
        return "https://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    public Path caFile() {
        return caFile;
    }

    /** The lifetime of the tokens issued from now on, in seconds. */
    public void expiresIn(int seconds) {
        expiresIn.set(seconds);
    }

    /** The next token request is answered as Entra answers a wrong client secret (401 invalid_client). */
    public void refuseNext() {
        refuseNext.set(true);
    }

    /** Each token request's form fields, in order. */
    public List<Map<String, String>> tokenRequests() {
        return List.copyOf(tokenRequests);
    }

    /** Every access token issued, in order. */
    public List<String> issued() {
        return List.copyOf(issued);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (!"POST".equals(exchange.getRequestMethod()) || !path.equals("/" + tenant + "/oauth2/v2.0/token")) {
                TokenEndpointHttp.replyJson(exchange, 404, "{\"error\":\"not_found\",\"error_description\":\"AADSTS90002: no such endpoint\"}");
                return;
            }
            Map<String, String> form = TokenEndpointHttp.form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            tokenRequests.add(form);
            if (refuseNext.getAndSet(false) || !"client_credentials".equals(form.get("grant_type")) || !clientId.equals(form.get("client_id"))
                    || !clientSecret.equals(form.get("client_secret"))) {
                TokenEndpointHttp.replyJson(exchange, 401, "{\"error\":\"invalid_client\",\"error_description\":\"AADSTS7000215: Invalid client "
                        + "secret provided.\",\"error_codes\":[7000215],\"trace_id\":\"" + UUID.randomUUID() + "\"}");
                return;
            }
            String token = "eyJ0eXAiOiJKV1Qi." + UUID.randomUUID().toString().replace("-", "") + ".sig";
            issued.add(token);
            int lifetime = expiresIn.get();
            TokenEndpointHttp.replyJson(exchange, 200, "{\"token_type\":\"Bearer\",\"expires_in\":" + lifetime + ",\"ext_expires_in\":" + lifetime
                    + ",\"access_token\":\"" + token + "\"}");
        }
    }


    @Override
    public void close() {
        server.stop(0);
    }
}
