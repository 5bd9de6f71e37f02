package dev.camelgateway.keys;

import dev.camelgateway.api.ClientRequest;
import dev.camelgateway.api.GatewayException;
import dev.camelgateway.api.OpenAiError;
import dev.camelgateway.api.RequestContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.Map;

/**
 * The chat APIs' authentication (route steps): the gateway key from the header the client's SDK sends
 * ({@code Authorization: Bearer}, {@code x-api-key} for Anthropic's, {@code x-goog-api-key} for Google's), then, once
 * the model is known, whether this key may call it and ask for that much. A refused key is a 401 that says why, a
 * model the key may not use a 403; both before the body is read or anything is sent upstream.
 */
@Component("keyAuthenticator")
public class KeyAuthenticator {
    private static final String INVALID_KEY = "invalid_api_key";
    private final AuthProperties properties;
    private final KeyRegistry registry;
    private final Clock clock;

    public KeyAuthenticator(AuthProperties properties, KeyRegistry registry, Clock clock) {
        this.properties = properties;
        this.registry = registry;
        this.clock = clock;
    }

    /** Before the body is read: the caller's key, or 401. */
    public void authenticate(Exchange exchange) {
        if (!properties.isEnabled()) {
            return;
        }
        String secret = secret(exchange.getMessage());
        if (secret == null) {
            throw unauthorized("Missing gateway key: send it as 'Authorization: Bearer <key>' (or in the x-api-key "
                    + "header).");
        }
        GatewayKey key = registry.bySecret(secret);
        if (key == null) {
            throw unauthorized("Incorrect gateway key provided.");
        }
        if (!key.enabled()) {
            throw unauthorized("The gateway key '" + key.id() + "' is disabled.");
        }
        if (key.expired(clock.instant())) {
            throw unauthorized("The gateway key '" + key.id() + "' expired at " + key.expiresAt() + ".");
        }
        RequestContext.of(exchange).key(key);
    }

    /**
     * After the model is resolved: 403 for a model the key may not use; 400 for more completions or tokens than the
     * key allows one request. A key with a token ceiling sends it upstream as {@code max_completion_tokens} when the
     * client named none, so that the ceiling holds whatever the client omits.
     */
    public void authorize(Exchange exchange) {
        RequestContext context = RequestContext.of(exchange);
        GatewayKey key = context.key();
        if (key == null) {
            return;
        }
        String model = context.request().model();
        if (!key.allows(model)) {
            throw new GatewayException(403, new OpenAiError("The gateway key '" + key.id() + "' may not use the model '"
                    + model + "'.", OpenAiError.INVALID_REQUEST, "model", "model_not_allowed"));
        }
        ClientRequest request = context.request();
        if (key.maxN() != null && request.choices() > key.maxN()) {
            throw overCeiling("n", request.choices(), key.maxN(), key);
        }
        if (key.maxTokens() != null) {
            Long asked = request.maxOutputTokens();
            String field = request.api().maxOutputTokensField(request);
            if (asked != null && asked > key.maxTokens()) {
                throw overCeiling(field, asked, key.maxTokens(), key);
            }
            if (asked == null) {
                request.body().put(field, key.maxTokens());
            }
        }
    }

    private static GatewayException overCeiling(String param, long asked, long ceiling, GatewayKey key) {
        return GatewayException.badRequest("'" + param + "' is " + asked + "; the gateway key '" + key.id()
                + "' allows at most " + ceiling + " per request.", param, "above_key_limit");
    }

    private static String secret(Message message) {
        String authorization = message.getHeader("Authorization", String.class);
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = authorization.substring(7).strip();
            return token.isEmpty() ? null : token;
        }
        for (String header : new String[] {"x-api-key", "x-goog-api-key"}) {
            String value = message.getHeader(header, String.class);
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        return null;
    }

    private static GatewayException unauthorized(String message) {
        return new GatewayException(401, new OpenAiError(message, OpenAiError.INVALID_REQUEST, null, INVALID_KEY),
                Map.of("WWW-Authenticate", "Bearer realm=\"gateway\""));
    }
}
