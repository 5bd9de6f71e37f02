package dev.camelgateway.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.camelgateway.api.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Google's OAuth 2.0 token endpoint as a service account meets it (https://developers.google.com/identity/protocols/oauth2/service-account#httprest):
 * {@code POST} form {@code grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer&assertion=<JWT>}, the JWT signed
 * RS256 with the account's key and claims {@code iss} (its email), {@code scope}, {@code aud} (Google's token URL, whichever endpoint is called),
 * {@code iat}, {@code exp}; the answer {@code {"access_token","expires_in","token_type":"Bearer"}}, or
 * {@code 400 {"error":"invalid_grant"}}. Each account is a freshly generated RSA key written as a service account JSON.
 */
public final class FakeGoogleTokenEndpoint {
    private final HttpServer server;
    private final Map<String, Account> accounts = new ConcurrentHashMap<>();
    private final List<Issued> issued = new CopyOnWriteArrayList<>();

    /** One service account: its key file and how long the tokens issued to it last. */
    public record Account(String email, PublicKey publicKey, String privateKeyPem, long expiresInSeconds) {
        @Override
        public String toString() {
            return "Account[" + email + "]";
        }
    }

    /** A token handed out, with the claims of the assertion that asked for it. */
    public record Issued(String email, String token, String scope, String audience) {
    }

    public FakeGoogleTokenEndpoint() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/token", this::token);
        server.start();
    }

    public String tokenUri() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/token";
    }

    /** A new service account whose tokens last {@code expiresInSeconds}, written as a key file named {@code name}. */
    public Account newAccount(String name, long expiresInSeconds) {
        KeyPair pair;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            pair = generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        Account account = new Account(name + "@test-project.iam.gserviceaccount.com", pair.getPublic(), pem, expiresInSeconds);
        accounts.put(account.email(), account);
        return account;
    }

    /** The service account JSON of {@code account}, as the Cloud console downloads it. */
    public String keyFileJson(Account account) {
        Map<String, Object> json = new HashMap<>();
        json.put("type", "service_account");
        json.put("project_id", "test-project");
        json.put("private_key_id", UUID.randomUUID().toString().replace("-", ""));
        json.put("private_key", account.privateKeyPem());
        json.put("client_email", account.email());
        json.put("client_id", "100000000000000000001");
        json.put("auth_uri", "https://accounts.google.com/o/oauth2/auth");
        json.put("token_uri", tokenUri());
        return Json.write(Json.MAPPER.valueToTree(json));
    }

    /** The account's key is no longer accepted (a deleted key): its assertions get {@code invalid_grant}. */
    public void revoke(Account account) {
        accounts.remove(account.email());
    }

    public void restore(Account account) {
        accounts.put(account.email(), account);
    }

    public List<Issued> issued() {
        return List.copyOf(issued);
    }

    public List<Issued> issuedTo(Account account) {
        return issued.stream().filter(i -> i.email().equals(account.email())).toList();
    }

    private void token(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> form = TokenEndpointHttp.form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            JsonNode claims = "POST".equals(exchange.getRequestMethod())
                    && "urn:ietf:params:oauth:grant-type:jwt-bearer".equals(form.get("grant_type"))
                    ? verifiedClaims(form.getOrDefault("assertion", "")) : null;
            if (claims == null) {
                TokenEndpointHttp.replyJson(exchange, 400, "{\"error\":\"invalid_grant\",\"error_description\":\"Invalid JWT Signature.\"}");
                return;
            }
            Account account = accounts.get(claims.path("iss").asText());
            if (account == null) { // revoked while the assertion was checked
                TokenEndpointHttp.replyJson(exchange, 400, "{\"error\":\"invalid_grant\",\"error_description\":\"Invalid JWT Signature.\"}");
                return;
            }
            String token = "ya29.c." + UUID.randomUUID().toString().replace("-", "");
            issued.add(new Issued(account.email(), token, claims.path("scope").asText(), claims.path("aud").asText()));
            TokenEndpointHttp.replyJson(exchange, 200, "{\"access_token\":\"" + token + "\",\"expires_in\":" + account.expiresInSeconds()
                    + ",\"token_type\":\"Bearer\"}");
        }
    }

    /** The assertion's claims if it is an RS256 JWT signed by a known account's key, else null. */
    private JsonNode verifiedClaims(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length != 3) {
            return null;
        }
        Base64.Decoder decoder = Base64.getUrlDecoder();
        JsonNode header = Json.objectOrNull(decoder.decode(parts[0]));
        JsonNode claims = Json.objectOrNull(decoder.decode(parts[1]));
        if (header == null || claims == null || !"RS256".equals(header.path("alg").asText())) {
            return null;
        }
        Account account = accounts.get(claims.path("iss").asText());
        if (account == null) {
            return null;
        }
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initVerify(account.publicKey());
            signature.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            return signature.verify(decoder.decode(parts[2])) ? claims : null;
        } catch (java.security.GeneralSecurityException e) {
            return null;
        }
    }

}
