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
import java.util.List;
import java.util.Optional;

/**
 * The {@code stored_response} table, in the ledger's database. Every read is scoped to one gateway key and skips
 * expired rows (they may outlive their expiry until the next periodic deletion).
 */
@Repository
public class StoredResponses {
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
     * The key's response with this id, unless it expired, as a chained call first needs it: which deployment made it,
     * whether that deployment keeps it, and its usage (the conversation's size so far). One primary-key read that loads
     * none of the items.
     */
    public Optional<PreviousResponse> previous(String id, String keyId, Instant now) {
        List<PreviousResponse> rows = jdbc.query("SELECT id, deployment, upstream_held, response FROM stored_response "
                + "WHERE id = ? AND " + keyClause(keyId) + " AND expires_at > ?",
                (rs, i) -> new PreviousResponse(rs.getString("id"), rs.getString("deployment"),
                        rs.getBoolean("upstream_held"), PreviousResponse.conversationTokens(parse(rs.getString("response")))),
                arguments(id, keyId, Timestamp.from(now)));
        return rows.stream().findFirst();
    }

    /**
     * The items of the response and of those it continues, oldest first, in one query (a recursive walk of
     * previous_response_id within the key; the Response objects are never read). The walk stops at a predecessor that
     * is gone (deleted or expired): the conversation then starts after it. It reads at most {@code maxResponses + 1}
     * responses and at most one past {@code maxChars} characters of items, and says when either limit was passed
     * instead of cutting the conversation.
     */
    public StoredConversation conversation(String id, String keyId, Instant now, int maxResponses, long maxChars) {
        Timestamp at = Timestamp.from(now);
        List<Object> arguments = new ArrayList<>(List.of(arguments(id, keyId, at)));
        if (keyId != null) {
            arguments.add(keyId);
        }
        arguments.add(at);
        arguments.add(maxResponses);
        arguments.add(maxChars);
        String sql = "WITH RECURSIVE chain (id, previous_response_id, depth) AS ("
                + " SELECT id, previous_response_id, 1 FROM stored_response WHERE id = ? AND " + keyClause(keyId)
                + " AND expires_at > ?"
                + " UNION ALL"
                + " SELECT s.id, s.previous_response_id, c.depth + 1 FROM chain c"
                + " JOIN stored_response s ON s.id = c.previous_response_id"
                + " WHERE s." + keyClause(keyId) + " AND s.expires_at > ? AND c.depth <= ?"
                + "), sized (id, depth, own, running) AS ("
                + " SELECT c.id, c.depth, LENGTH(s.input_items) + LENGTH(s.output_items) AS own,"
                + " SUM(LENGTH(s.input_items) + LENGTH(s.output_items)) OVER (ORDER BY c.depth) AS running"
                + " FROM chain c JOIN stored_response s ON s.id = c.id"
                + ")"
                + " SELECT z.depth, z.running, s.input_items, s.output_items FROM sized z"
                + " JOIN stored_response s ON s.id = z.id WHERE z.running - z.own <= ? ORDER BY z.depth DESC";
        List<ArrayNode[]> turns = new ArrayList<>();
        boolean[] passed = new boolean[2];
        jdbc.query(sql, rs -> {
            passed[0] |= rs.getInt("depth") > maxResponses;
            passed[1] |= rs.getLong("running") > maxChars;
            turns.add(new ArrayNode[] {(ArrayNode) parse(rs.getString("input_items")),
                    (ArrayNode) parse(rs.getString("output_items"))});
        }, arguments.toArray());
        return new StoredConversation(turns, passed[0], passed[1]);
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
