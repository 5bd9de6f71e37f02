package dev.camelgateway.keys;

import dev.camelgateway.quota.Limits;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code gateway.auth.*}: who may call the chat APIs. The README's "Gateway keys" section documents each key. */
@ConfigurationProperties(prefix = "gateway.auth")
public class AuthProperties {
    /** Off: the chat APIs answer anyone who reaches the port (no key, no limits, no key_id in the ledger). */
    private boolean enabled = true;
    /** How often the keys and teams of the database are read again (changes made on another instance). */
    private Duration refreshInterval = Duration.ofSeconds(5);
    /** The demo profile: a key made at start-up, written to {@link #demoKeyFile} and logged once. */
    private boolean demoKey = false;
    private Path demoKeyFile = Path.of("data", "demo-key");
    private Map<String, DeclaredKey> keys = new LinkedHashMap<>();
    private Map<String, DeclaredTeam> teams = new LinkedHashMap<>();

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public Duration getRefreshInterval() {
        return refreshInterval;
    }

    public void setRefreshInterval(Duration refreshInterval) {
        this.refreshInterval = refreshInterval;
    }

    public boolean isDemoKey() {
        return demoKey;
    }

    public void setDemoKey(boolean demoKey) {
        this.demoKey = demoKey;
    }

    public Path getDemoKeyFile() {
        return demoKeyFile;
    }

    public void setDemoKeyFile(Path demoKeyFile) {
        this.demoKeyFile = demoKeyFile;
    }

    public Map<String, DeclaredKey> getKeys() {
        return keys;
    }

    public void setKeys(Map<String, DeclaredKey> keys) {
        this.keys = keys;
    }

    public Map<String, DeclaredTeam> getTeams() {
        return teams;
    }

    public void setTeams(Map<String, DeclaredTeam> teams) {
        this.teams = teams;
    }

    /** A key declared in configuration: its secret from the environment ({@code secret}) or a file, never both. */
    public static class DeclaredKey {
        private String secret = "";
        private Path secretFile;
        private String name;
        private String team;
        private List<String> models = new ArrayList<>();
        private Instant expiresAt;
        private boolean enabled = true;
        private Map<String, String> metadata = new LinkedHashMap<>();
        private Limits limits = Limits.NONE;
        private Integer maxN;
        private Long maxTokens;

        public String getSecret() {
            return secret;
        }

        public void setSecret(String secret) {
            this.secret = secret;
        }

        public Path getSecretFile() {
            return secretFile;
        }

        public void setSecretFile(Path secretFile) {
            this.secretFile = secretFile;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getTeam() {
            return team;
        }

        public void setTeam(String team) {
            this.team = team;
        }

        public List<String> getModels() {
            return models;
        }

        public void setModels(List<String> models) {
            this.models = models;
        }

        public Instant getExpiresAt() {
            return expiresAt;
        }

        public void setExpiresAt(Instant expiresAt) {
            this.expiresAt = expiresAt;
        }

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public Map<String, String> getMetadata() {
            return metadata;
        }

        public void setMetadata(Map<String, String> metadata) {
            this.metadata = metadata;
        }

        public Limits getLimits() {
            return limits;
        }

        public void setLimits(Limits limits) {
            this.limits = limits;
        }

        public Integer getMaxN() {
            return maxN;
        }

        public void setMaxN(Integer maxN) {
            this.maxN = maxN;
        }

        public Long getMaxTokens() {
            return maxTokens;
        }

        public void setMaxTokens(Long maxTokens) {
            this.maxTokens = maxTokens;
        }
    }

    /** A team declared in configuration: a name and the limits all its keys share. */
    public static class DeclaredTeam {
        private String name;
        private Limits limits = Limits.NONE;

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public Limits getLimits() {
            return limits;
        }

        public void setLimits(Limits limits) {
            this.limits = limits;
        }
    }
}
