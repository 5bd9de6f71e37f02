package dev.camelgateway.keys;

import dev.camelgateway.routing.InvalidConfigurationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Every key and team the gateway accepts, in memory: those of the configuration, and those of the database, read at
 * start-up and again every {@code gateway.auth.refresh-interval} (and at once after a change made here). A lookup
 * never touches the database, so a stranger guessing keys costs a hash and a map lookup, and a database outage keeps
 * the last keys read.
 */
@Component
public class KeyRegistry implements DisposableBean {
    private static final Logger LOG = LoggerFactory.getLogger(KeyRegistry.class);
    private final KeyRepository repository;
    private final Map<String, GatewayKey> configuredByHash;
    private final Map<String, Team> configuredTeams;
    private final ScheduledExecutorService refresher;
    private volatile Snapshot snapshot;
    private volatile boolean refreshFailing;

    private record Snapshot(Map<String, GatewayKey> byHash, Map<String, GatewayKey> byId, Map<String, Team> teams) {
    }

    public KeyRegistry(AuthProperties properties, KeyRepository repository) {
        this.repository = repository;
        this.configuredTeams = configuredTeams(properties);
        Map<String, GatewayKey> configured = configuredKeys(properties, configuredTeams.keySet());
        if (properties.isEnabled() && properties.isDemoKey()) {
            configured = DemoKey.addTo(configured, properties.getDemoKeyFile());
        }
        this.configuredByHash = Map.copyOf(configured);
        this.snapshot = new Snapshot(configuredByHash, byId(configuredByHash), configuredTeams);
        refresh();
        this.refresher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "gateway-keys-refresh");
            thread.setDaemon(true);
            return thread;
        });
        long every = Math.max(100, properties.getRefreshInterval().toMillis());
        refresher.scheduleWithFixedDelay(this::refreshQuietly, every, every, TimeUnit.MILLISECONDS);
    }

    /** The key whose secret this is, or null. */
    public GatewayKey bySecret(String secret) {
        return snapshot.byHash().get(KeySecrets.hash(secret));
    }

    public GatewayKey byId(String id) {
        return snapshot.byId().get(id);
    }

    public Team team(String id) {
        return id == null ? null : snapshot.teams().get(id);
    }

    public Map<String, Team> teams() {
        return snapshot.teams();
    }

    public Map<String, GatewayKey> keysById() {
        return snapshot.byId();
    }

    /** Reads the database's keys and teams again (after a change made through /admin, and on a timer). */
    public synchronized void refresh() {
        Map<String, GatewayKey> byHash = new HashMap<>(configuredByHash);
        Map<String, Team> teams = new LinkedHashMap<>(configuredTeams);
        repository.teams().forEach(team -> teams.putIfAbsent(team.id(), team));
        repository.keys().forEach(stored -> byHash.putIfAbsent(stored.secretHash(), stored.key()));
        snapshot = new Snapshot(Map.copyOf(byHash), byId(byHash), Map.copyOf(teams));
    }

    private void refreshQuietly() {
        try {
            refresh();
            if (refreshFailing) {
                LOG.info("gateway keys: the database answers again");
                refreshFailing = false;
            }
        } catch (RuntimeException e) {
            if (!refreshFailing) {
                LOG.warn("gateway keys: cannot read the database ({}); the keys read before stay in force", e.toString());
                refreshFailing = true;
            }
        }
    }

    private static Map<String, GatewayKey> byId(Map<String, GatewayKey> byHash) {
        Map<String, GatewayKey> byId = new HashMap<>();
        byHash.values().forEach(key -> byId.put(key.id(), key));
        return Map.copyOf(byId);
    }

    private static Map<String, Team> configuredTeams(AuthProperties properties) {
        Map<String, Team> teams = new LinkedHashMap<>();
        properties.getTeams().forEach((id, team) -> {
            KeyIds.check(id, "gateway.auth.teams");
            checked("gateway.auth.teams." + id, () -> AdminChecks.limits(team.getLimits(), "limits"));
            teams.put(id, new Team(id, team.getName() == null ? id : team.getName(), team.getLimits(), GatewayKey.Source.CONFIG));
        });
        return Map.copyOf(teams);
    }

    private static Map<String, GatewayKey> configuredKeys(AuthProperties properties, java.util.Set<String> teams) {
        Map<String, GatewayKey> keys = new HashMap<>();
        properties.getKeys().forEach((id, declared) -> {
            String where = "gateway.auth.keys." + id;
            KeyIds.check(id, "gateway.auth.keys");
            if (declared.getTeam() != null && !teams.contains(declared.getTeam())) {
                throw new InvalidConfigurationException(where + ".team names '" + declared.getTeam()
                        + "', which is not under gateway.auth.teams");
            }
            checked(where, () -> {
                AdminChecks.limits(declared.getLimits(), "limits");
                AdminChecks.atLeastOne(declared.getMaxN(), "max-n");
                AdminChecks.atLeastOne(declared.getMaxTokens(), "max-tokens");
            });
            String secret = secret(declared, where);
            GatewayKey key = new GatewayKey(id, declared.getName() == null ? id : declared.getName(), declared.getTeam(),
                    java.util.Set.copyOf(declared.getModels()), declared.getExpiresAt(), declared.isEnabled(),
                    declared.getMetadata(), declared.getLimits(), declared.getMaxN(), declared.getMaxTokens(),
                    GatewayKey.Source.CONFIG);
            if (keys.putIfAbsent(KeySecrets.hash(secret), key) != null) {
                throw new InvalidConfigurationException(where + " has the secret of another key");
            }
        });
        return keys;
    }

    /** The admin API's checks of limits and ceilings, as a start-up refusal naming the setting. */
    private static void checked(String where, Runnable checks) {
        try {
            checks.run();
        } catch (dev.camelgateway.api.GatewayException e) {
            throw new InvalidConfigurationException(where + "." + e.error().param().replace('_', '-') + ": "
                    + e.getMessage());
        }
    }

    private static String secret(AuthProperties.DeclaredKey declared, String where) {
        boolean inline = declared.getSecret() != null && !declared.getSecret().isBlank();
        if (inline == (declared.getSecretFile() != null)) {
            throw new InvalidConfigurationException(where + " needs exactly one of secret (from the environment) or "
                    + "secret-file");
        }
        String secret;
        try {
            secret = inline ? declared.getSecret().strip() : Files.readString(declared.getSecretFile()).strip();
        } catch (IOException e) {
            throw new InvalidConfigurationException(where + ".secret-file cannot be read: " + e.getMessage());
        }
        if (secret.length() < KeySecrets.MIN_CONFIGURED_LENGTH || secret.chars().anyMatch(c -> c <= ' ' || c > '~')) {
            throw new InvalidConfigurationException(where + ": a secret needs at least " + KeySecrets.MIN_CONFIGURED_LENGTH
                    + " printable ASCII characters without spaces (make one with: openssl rand -base64 32)");
        }
        return secret;
    }

    @Override
    public void destroy() {
        refresher.shutdownNow();
    }
}
