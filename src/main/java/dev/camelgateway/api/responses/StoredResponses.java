package dev.camelgateway.api.responses;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelgateway.api.Json;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code stored_response} table, in the ledger's database. Every read is scoped to one gateway key and skips
 * expired rows (they may outlive their expiry until the next periodic deletion).
 */
@Repository
public class StoredResponses {
    /** Longest chain of previous responses walked for one request (each step is one primary-key read). */
    static final int MAX_CHAIN = 1000;
    private static final String COLUMNS = "id, key_id, deployment, upstream_held, previous_response_id, model, "
            + "input_items, output_items, response, created_at, expires_at";
    private final JdbcTemplate jdbc;

    public StoredResponses(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void save(StoredResponse row) {
        jdbc.update("INSERT INTO stored_response (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                new Object[] {row.id(), row.keyId(), row.deployment(), row.upstreamHeld(), row.previousResponseId(),
                        row.model(), Json.write(row.inputItems()), Json.write(row.outputItems()), Json.write(row.response()),
                        Timestamp.from(row.createdAt()), Timestamp.from(row.expiresAt())},
                new int[] {Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.BOOLEAN, Types.VARCHAR, Types.VARCHAR,
                        Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.TIMESTAMP, Types.TIMESTAMP});
    }

    /** The key's response with this id, unless it expired. */
    public Optional<StoredResponse> find(String id, String keyId, Instant now) {
        List<StoredResponse> rows = jdbc.query("SELECT " + COLUMNS + " FROM stored_response WHERE id = ? AND "
                + keyClause(keyId) + " AND expires_at > ?", ROW, arguments(id, keyId, Timestamp.from(now)));
        return rows.stream().findFirst();
    }

    /**
     * The response and those it continues, oldest first; empty when the key has no such response. The walk stops at a
     * predecessor that is gone (deleted or expired): the conversation then starts after it.
     */
    public List<StoredResponse> chain(String id, String keyId, Instant now) {
        List<StoredResponse> chain = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String next = id; next != null && chain.size() < MAX_CHAIN && seen.add(next); ) {
            Optional<StoredResponse> row = find(next, keyId, now);
            if (row.isEmpty()) {
                break;
            }
            chain.add(row.get());
            next = row.get().previousResponseId();
        }
        Collections.reverse(chain);
        return chain;
    }

    /** Deletes the key's response; false when it has none with this id. */
    public boolean delete(String id, String keyId) {
        return jdbc.update("DELETE FROM stored_response WHERE id = ? AND " + keyClause(keyId), arguments(id, keyId)) > 0;
    }

    /** Deletes every response that expired before {@code now}; how many. */
    public int deleteExpired(Instant now) {
        return jdbc.update("DELETE FROM stored_response WHERE expires_at <= ?", Timestamp.from(now));
    }

    /** With auth off, rows have no key: they are everyone's. */
    private static String keyClause(String keyId) {
        return keyId == null ? "key_id IS NULL" : "key_id = ?";
    }

    private static Object[] arguments(String id, String keyId, Object... more) {
        List<Object> arguments = new ArrayList<>();
        arguments.add(id);
        if (keyId != null) {
            arguments.add(keyId);
        }
        arguments.addAll(List.of(more));
        return arguments.toArray();
    }

    private static final RowMapper<StoredResponse> ROW = StoredResponses::toRow;

    private static StoredResponse toRow(ResultSet rs, int index) throws SQLException {
        return new StoredResponse(rs.getString("id"), rs.getString("key_id"), rs.getString("deployment"),
                rs.getBoolean("upstream_held"), rs.getString("previous_response_id"), rs.getString("model"),
                (ArrayNode) parse(rs.getString("input_items")), (ArrayNode) parse(rs.getString("output_items")),
                (ObjectNode) parse(rs.getString("response")), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("expires_at").toInstant());
    }

    private static JsonNode parse(String json) {
        try {
            return Json.parse(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
