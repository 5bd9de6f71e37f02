package dev.camelgateway.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * OpenAI messages → the alternating user/assistant turns of block-based APIs (Anthropic Messages, Bedrock Converse):
 * system and developer messages are left to the caller, tool results join a user turn, consecutive turns of one role
 * are merged and empty ones dropped. Each provider says how a message becomes its blocks ({@link Blocks}).
 */
public final class ConversationTurns {
    private ConversationTurns() {
    }

    /**
     * One provider's content blocks for each kind of message.
     *
     * @param user       a user message's {@code content} (and its param path) → blocks
     * @param assistant  an assistant message (and its param path) → blocks (text, tool calls)
     * @param toolResult a role-tool message → its result block
     */
    public record Blocks(BiFunction<JsonNode, String, List<ObjectNode>> user,
                         BiFunction<JsonNode, String, List<ObjectNode>> assistant,
                         Function<JsonNode, ObjectNode> toolResult) {
    }

    /** A turn: its role and its blocks, in order (mutable while turns are merged). */
    public record Turn(String role, List<ObjectNode> blocks) {
    }

    /** The turns of {@code messages}; an unknown role goes to the policy. May be empty (only system messages). */
    public static List<Turn> toTurns(ArrayNode messages, Blocks blocks, UnsupportedParameters policy) {
        List<Turn> turns = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            JsonNode message = messages.get(i);
            String param = "messages[" + i + "]";
            Turn turn = switch (message.path("role").asText()) {
                case "system", "developer" -> null;
                case "user" -> new Turn("user", blocks.user().apply(message.get("content"), param));
                case "assistant" -> new Turn("assistant", blocks.assistant().apply(message, param));
                case "tool" -> new Turn("user", List.of(blocks.toolResult().apply(message)));
                default -> {
                    policy.reject(param + ".role");
                    yield null;
                }
            };
            if (turn == null || turn.blocks().isEmpty()) {
                continue;
            }
            Turn last = turns.isEmpty() ? null : turns.get(turns.size() - 1);
            if (last != null && last.role().equals(turn.role())) {
                last.blocks().addAll(turn.blocks());
            } else {
                turns.add(new Turn(turn.role(), new ArrayList<>(turn.blocks())));
            }
        }
        return turns;
    }
}
