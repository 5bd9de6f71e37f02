package dev.camelgateway.api.responses;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelgateway.api.Json;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stored-response table on a migrated ledger database ({@link H2StoredResponsesTest}, {@link
 * PostgresStoredResponsesTest}): each key sees only its own rows, an expired row is gone for reads at once and deleted
 * by the periodic cleanup, a chain is walked oldest first. Ids are this run's own.
 */
abstract class StoredResponsesContract {
    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
    private final String run = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private StoredResponses store;
    private JdbcTemplate jdbc;

    abstract DataSource dataSource();

    @BeforeEach
    void migrated() {
        DataSource dataSource = dataSource();
        Flyway.configure().dataSource(dataSource).load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        store = new StoredResponses(jdbc);
    }

    @Test
    void aResponseIsReadBackAsStoredByItsOwnKeyOnly() {
        StoredResponse saved = row("a", "alice", null, NOW.plus(Duration.ofDays(30)));
        store.save(saved);

        StoredResponse read = store.find(id("a"), "alice", NOW).orElseThrow();
        assertThat(read.response()).isEqualTo(saved.response());
        assertThat(read.inputItems()).isEqualTo(saved.inputItems());
        assertThat(read.outputItems()).isEqualTo(saved.outputItems());
        assertThat(read.deployment()).isEqualTo("anthropic");
        assertThat(read.upstreamHeld()).isTrue();
        assertThat(read.createdAt()).isEqualTo(NOW);
        assertThat(store.find(id("a"), "bob", NOW)).as("another key").isEmpty();
        assertThat(store.find(id("a"), null, NOW)).as("no key (auth off) is not any key").isEmpty();
        assertThat(store.delete(id("a"), "bob")).as("another key cannot delete it").isFalse();
        assertThat(store.delete(id("a"), "alice")).isTrue();
        assertThat(store.find(id("a"), "alice", NOW)).isEmpty();
        assertThat(store.delete(id("a"), "alice")).isFalse();
    }

    @Test
    void withAuthOffRowsWithoutAKeyAreEveryCallersWithoutAKey() {
        store.save(row("n", null, null, NOW.plusSeconds(60)));
        assertThat(store.find(id("n"), null, NOW)).isPresent();
        assertThat(store.find(id("n"), "alice", NOW)).isEmpty();
    }

    @Test
    void anExpiredResponseIsNotReadAndTheCleanupDeletesOnlyExpiredRows() {
        store.save(row("old", "alice", null, NOW.minusSeconds(1)));
        store.save(row("new", "alice", null, NOW.plusSeconds(3600)));
        assertThat(store.find(id("old"), "alice", NOW)).as("expired: gone for reads before the cleanup ran").isEmpty();

        ExpiredResponsesCleanup cleanup = new ExpiredResponsesCleanup(store, Clock.fixed(NOW, ZoneOffset.UTC),
                new ResponsesProperties());
        int deleted = cleanup.run();
        cleanup.destroy();

        assertThat(deleted).isGreaterThanOrEqualTo(1);
        assertThat(count("old")).isZero();
        assertThat(count("new")).isEqualTo(1);
        assertThat(store.find(id("new"), "alice", NOW)).isPresent();
    }

    @Test
    void aChainIsReadOldestFirstWithinTheKeyAndStopsWhereAPredecessorIsGone() {
        store.save(row("1", "alice", null, NOW.plusSeconds(60)));
        store.save(row("2", "alice", id("1"), NOW.plusSeconds(60)));
        store.save(row("3", "alice", id("2"), NOW.plusSeconds(60)));

        assertThat(texts(store.conversation(id("3"), "alice", NOW, 1000, 1 << 20)))
                .containsExactly("hi 1", "Grüße, 1 ✓", "hi 2", "Grüße, 2 ✓", "hi 3", "Grüße, 3 ✓");
        assertThat(store.conversation(id("3"), "bob", NOW, 1000, 1 << 20).turns()).isEmpty();
        assertThat(store.previous(id("3"), "bob", NOW)).isEmpty();
        assertThat(store.previous(id("3"), "alice", NOW).orElseThrow().deployment()).isEqualTo("anthropic");
        store.delete(id("1"), "alice");
        assertThat(texts(store.conversation(id("3"), "alice", NOW, 1000, 1 << 20)))
                .containsExactly("hi 2", "Grüße, 2 ✓", "hi 3", "Grüße, 3 ✓");
    }

    @Test
    void aChainPastEitherLimitIsSaidToBeSoNotCut() {
        store.save(row("1", "alice", null, NOW.plusSeconds(60)));
        store.save(row("2", "alice", id("1"), NOW.plusSeconds(60)));
        store.save(row("3", "alice", id("2"), NOW.plusSeconds(60)));
        StoredConversation whole = store.conversation(id("3"), "alice", NOW, 3, 1 << 20);
        assertThat(whole.tooManyResponses() || whole.tooLarge()).isFalse();
        assertThat(whole.turns()).hasSize(3);

        StoredConversation deep = store.conversation(id("3"), "alice", NOW, 2, 1 << 20);
        assertThat(deep.tooManyResponses()).isTrue();
        assertThat(deep.turns()).as("reads one past the limit, no more").hasSize(3);

        long one = Json.write(row("1", "alice", null, NOW).inputItems()).length()
                + Json.write(row("1", "alice", null, NOW).outputItems()).length();
        StoredConversation large = store.conversation(id("3"), "alice", NOW, 1000, one + one / 2);
        assertThat(large.tooLarge()).isTrue();
        assertThat(large.turns()).as("the newest two: the second passed the budget, the third was not read").hasSize(2);
        assertThat(store.conversation(id("3"), "alice", NOW, 1000, 3 * one).tooLarge()).isFalse();
    }

    private static java.util.List<String> texts(StoredConversation conversation) {
        java.util.List<String> texts = new java.util.ArrayList<>();
        ResponsesConversation.history(conversation).forEach(item -> texts.add(item.get("content").isTextual()
                ? item.get("content").asText() : item.get("content").get(0).get("text").asText()));
        return texts;
    }

    private String id(String name) {
        return "resp_" + run + "_" + name;
    }

    private int count(String name) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM stored_response WHERE id = ?", Integer.class, id(name));
    }

    private StoredResponse row(String name, String key, String previous, Instant expiresAt) {
        ObjectNode response = Json.object().put("id", id(name)).put("object", "response").put("status", "completed");
        ArrayNode output = response.putArray("output");
        output.addObject().put("id", "msg_" + name).put("type", "message").put("role", "assistant")
                .putArray("content").addObject().put("type", "output_text").put("text", "Grüße, " + name + " ✓");
        ArrayNode input = ResponsesItems.withIds(ResponsesItems.of(Json.MAPPER.getNodeFactory().textNode("hi " + name)));
        return new StoredResponse(id(name), key, "anthropic", true, previous, "anthropic/claude-sonnet-4-5", input,
                output, response, NOW, expiresAt);
    }

}
