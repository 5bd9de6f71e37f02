package dev.camelgateway.keys;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.camelgateway.quota.Limits;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The keys and teams made through /admin, in the ledger database ({@code V3__gateway_keys_and_cost.sql}). */
@Repository
public class KeyRepository {
    private final JdbcTemplate jdbc;

    public KeyRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A key as stored: what the gateway knows of it, the hash of its secret, and when it was made and changed. */
    public record StoredKey(GatewayKey key, String secretHash, String secretHint, Instant createdAt, Instant updatedAt) {
    }

    public List<StoredKey> keys() {
        return jdbc.query("SELECT * FROM gateway_key ORDER BY created_at, id", KEY_ROWS);
    }

    public Optional<StoredKey> key(String id) {
        return jdbc.query("SELECT * FROM gateway_key WHERE id = ?", KEY_ROWS, id).stream().findFirst();
    }

    public List<Team> teams() {
        return jdbc.query("SELECT * FROM gateway_team ORDER BY id", TEAM_ROWS);
    }

    public Optional<Team> team(String id) {
        return jdbc.query("SELECT * FROM gateway_team WHERE id = ?", TEAM_ROWS, id).stream().findFirst();
    }

    public void insert(StoredKey stored) {
        GatewayKey key = stored.key();
        jdbc.update("INSERT INTO gateway_key (id, secret_hash, secret_hint, name, team, models, expires_at, enabled, "
                        + "metadata, limits, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                key.id(), stored.secretHash(), stored.secretHint(), key.name(), key.team(), write(key.models()),
                timestamp(key.expiresAt()), key.enabled(), write(key.metadata()), write(limitsWithCeilings(key)),
                timestamp(stored.createdAt()), timestamp(stored.updatedAt()));
    }

    /** Everything but the secret and the creation time; false when no such key. */
    public boolean update(GatewayKey key, Instant now) {
        return jdbc.update("UPDATE gateway_key SET name = ?, team = ?, models = ?, expires_at = ?, enabled = ?, "
                        + "metadata = ?, limits = ?, updated_at = ? WHERE id = ?", key.name(), key.team(), write(key.models()),
                timestamp(key.expiresAt()), key.enabled(), write(key.metadata()), write(limitsWithCeilings(key)),
                timestamp(now), key.id()) == 1;
    }

    /** A new secret for the key: the old one stops working. False when no such key. */
    public boolean rotate(String id, String secretHash, String secretHint, Instant now) {
        return jdbc.update("UPDATE gateway_key SET secret_hash = ?, secret_hint = ?, updated_at = ? WHERE id = ?",
                secretHash, secretHint, timestamp(now), id) == 1;
    }

    public boolean deleteKey(String id) {
        return jdbc.update("DELETE FROM gateway_key WHERE id = ?", id) == 1;
    }

    public void insert(Team team, Instant now) {
        jdbc.update("INSERT INTO gateway_team (id, name, limits, created_at) VALUES (?, ?, ?, ?)", team.id(), team.name(),
                write(team.limits()), timestamp(now));
    }

    public boolean update(Team team) {
        return jdbc.update("UPDATE gateway_team SET name = ?, limits = ? WHERE id = ?", team.name(), write(team.limits()),
                team.id()) == 1;
    }

    public boolean deleteTeam(String id) {
        return jdbc.update("DELETE FROM gateway_team WHERE id = ?", id) == 1;
    }

    public int keysOfTeam(String team) {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM gateway_key WHERE team = ?", Integer.class, team);
        return count == null ? 0 : count;
    }

    /** The limits column holds the rate limits and budgets, and the key's per-request ceilings beside them. */
    record StoredLimits(Limits limits, Integer maxN, Long maxTokens) {
    }

    private static StoredLimits limitsWithCeilings(GatewayKey key) {
        return new StoredLimits(key.limits(), key.maxN(), key.maxTokens());
    }

    private static final RowMapper<StoredKey> KEY_ROWS = (rs, i) -> {
        StoredLimits limits = read(rs.getString("limits"), new TypeReference<>() { });
        GatewayKey key = new GatewayKey(rs.getString("id"), rs.getString("name"), rs.getString("team"),
                read(rs.getString("models"), new TypeReference<LinkedHashSet<String>>() { }), instant(rs, "expires_at"),
                rs.getBoolean("enabled"), read(rs.getString("metadata"), new TypeReference<Map<String, String>>() { }),
                limits.limits(), limits.maxN(), limits.maxTokens(), GatewayKey.Source.DATABASE);
        return new StoredKey(key, rs.getString("secret_hash"), rs.getString("secret_hint"), instant(rs, "created_at"),
                instant(rs, "updated_at"));
    };

    private static final RowMapper<Team> TEAM_ROWS = (rs, i) -> new Team(rs.getString("id"), rs.getString("name"),
            limits(rs.getString("limits")), GatewayKey.Source.DATABASE);

    private static Limits limits(String json) {
        return read(json, new TypeReference<>() { });
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    static String write(Object value) {
        try {
            return KeyJson.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return KeyJson.MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("gateway_key/gateway_team holds JSON this gateway cannot read", e);
        }
    }
}
