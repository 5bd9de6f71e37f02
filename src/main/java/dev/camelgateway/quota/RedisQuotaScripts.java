package dev.camelgateway.quota;

import io.lettuce.core.RedisException;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The quota scripts ({@code src/main/resources/quota/*.lua}, each behind {@code common.lua}), run with EVALSHA. A
 * Redis that lost its script cache (restarted, or SCRIPT FLUSH) answers NOSCRIPT: the script is loaded and run again,
 * once. Any Redis failure becomes {@link QuotaStoreUnavailable}.
 */
final class RedisQuotaScripts {
    enum Script {
        ADMIT("admit"), SETTLE("settle"), RELEASE("release"), SEED("seed");

        private final String text;
        private final String sha;

        Script(String name) {
            this.text = resource("common") + resource(name);
            this.sha = sha1(text);
        }
    }

    private static final String[] NO_KEYS = new String[0];

    private final RedisConnector connector;

    RedisQuotaScripts(RedisConnector connector) {
        this.connector = connector;
    }

    List<Object> run(Script script, String[] args) {
        try {
            RedisCommands<String, String> commands = connector.commands();
            try {
                return commands.evalsha(script.sha, ScriptOutputType.MULTI, NO_KEYS, args);
            } catch (RedisNoScriptException e) {
                commands.scriptLoad(script.text);
                return commands.evalsha(script.sha, ScriptOutputType.MULTI, NO_KEYS, args);
            }
        } catch (RedisException e) {
            throw new QuotaStoreUnavailable("Redis did not run the quota " + script.name().toLowerCase() + " script", e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = RedisQuotaScripts.class.getResourceAsStream("/quota/" + name + ".lua")) {
            if (in == null) {
                throw new IllegalStateException("missing quota/" + name + ".lua");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha1(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
