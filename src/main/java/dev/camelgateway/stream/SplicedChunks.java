package dev.camelgateway.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelgateway.api.GatewayException;
import dev.camelgateway.api.Json;
import dev.camelgateway.api.OpenAiError;

import java.util.ArrayList;
import java.util.List;

/**
 * The canonical chunks of a continuation attempt, made into the rest of the stream the client already has: the first
 * chunk's identity kept, no second role, no new reasoning, and the text the client has ({@code sent}) taken off the
 * front. Nothing goes out until it is known how much of the answer the client already has.
 * <ul>
 * <li>Regenerated: the answer must begin with exactly the text sent; if it differs, or ends first, the attempt fails
 * with {@code continuation_diverged} before the client sees any of it.</li>
 * <li>Prefilled (asked with the text sent, trailing whitespace left off, as the answer's start): the answer either
 * repeats that start (Mistral returns it whole), which is dropped, or begins where it ended (Anthropic); either way the
 * whitespace the prefill left off is dropped where the answer begins with it.</li>
 * </ul>
 */
public final class SplicedChunks implements TranslatedStream.ChunkFilter {
    /** The error code of a regenerated answer that does not continue the text sent. */
    public static final String DIVERGED = "continuation_diverged";
    private final StreamTranscript transcript;
    private final String sent;
    private final boolean prefilled;
    private final List<ObjectNode> held = new ArrayList<>();
    private final StringBuilder heldText = new StringBuilder();
    private boolean decided;

    /**
     * @param sent      the text the client has
     * @param prefilled the attempt was asked with {@code sent} as the answer's start, else with the original request
     */
    public SplicedChunks(StreamTranscript transcript, String sent, boolean prefilled) {
        this.transcript = transcript;
        this.sent = sent;
        this.prefilled = prefilled;
        this.decided = sent.isEmpty();
    }

    @Override
    public List<String> apply(List<String> chunks) {
        List<String> out = new ArrayList<>();
        for (String chunk : chunks) {
            ObjectNode node = prepared(chunk);
            if (decided) {
                emit(node, out);
                continue;
            }
            JsonNode delta = node.path("choices").path(0).path("delta");
            if (delta.hasNonNull("tool_calls") || delta.hasNonNull("function_call") || delta.hasNonNull("refusal")) {
                if (!prefilled) {
                    throw diverged("called a tool or refused where the client has text");
                }
                decide(true); // a prefilled answer may go on to call a tool: what came before it is decided now
                emitHeld(out);
                emit(node, out);
                continue;
            }
            held.add(node);
            heldText.append(delta.path("content").asText(""));
            decide(node.path("choices").path(0).hasNonNull("finish_reason"));
            emitHeld(out);
        }
        return out;
    }

    @Override
    public List<String> end() {
        List<String> out = new ArrayList<>();
        if (!decided) {
            decide(true);
            emitHeld(out);
        }
        return out;
    }

    /** Decides, once enough of the answer is held (or it ended: {@code last}), how much of it the client has. */
    private void decide(boolean last) {
        String text = heldText.toString();
        if (!prefilled) {
            if (text.length() >= sent.length() && text.startsWith(sent)) {
                drop(sent.length());
            } else if (text.length() >= sent.length() || !sent.startsWith(text)) {
                throw diverged("differs from the text sent at character " + common(text, sent, 0));
            } else if (last) {
                throw diverged("ended after " + text.length() + " of the " + sent.length() + " characters sent");
            }
            return;
        }
        String start = sent.stripTrailing();
        String whitespace = sent.substring(start.length());
        if (text.startsWith(start) && (text.length() >= sent.length() || last)) {
            drop(start.length() + common(text, whitespace, start.length())); // it repeated the prefill
        } else if (!start.startsWith(text) && !text.startsWith(start)) {
            int same = common(text, whitespace, 0); // it began where the prefill ended
            if (same < Math.min(text.length(), whitespace.length()) || text.length() >= whitespace.length() || last) {
                drop(same);
            }
        } else if (last) {
            drop(common(text, whitespace, 0));
        }
    }

    /** The first {@code count} characters of the held text are what the client has: taken off, the rest may go. */
    private void drop(int count) {
        decided = true;
        int left = count;
        for (ObjectNode node : held) {
            JsonNode choice = node.path("choices").path(0);
            if (left == 0 || !choice.path("delta").path("content").isTextual()) {
                continue;
            }
            ObjectNode delta = (ObjectNode) choice.get("delta");
            String content = delta.get("content").asText();
            int cut = Math.min(left, content.length());
            left -= cut;
            if (cut == content.length()) {
                delta.remove("content");
            } else {
                delta.put("content", content.substring(cut));
            }
        }
    }

    private void emitHeld(List<String> out) {
        if (decided) {
            held.forEach(node -> emit(node, out));
            held.clear();
        }
    }

    /** A chunk that still carries something goes out (and into the transcript, for a later break). */
    private void emit(ObjectNode node, List<String> out) {
        JsonNode choice = node.path("choices").path(0);
        boolean empty = node.path("choices").size() > 0 && choice.path("delta").isEmpty()
                && !choice.hasNonNull("finish_reason") && !choice.hasNonNull("logprobs") && !node.hasNonNull("usage");
        if (!empty) {
            out.add(transcript.observe(Json.write(node)));
        }
    }

    /** The chunk with the client's stream's identity, and without a role or reasoning of its own. */
    private ObjectNode prepared(String chunk) {
        ObjectNode node = Json.objectOrNull(chunk);
        if (node == null) {
            throw diverged("sent a chunk that is not JSON");
        }
        ObjectNode identity = transcript.identity();
        if (identity != null) {
            node.remove("system_fingerprint");
            node.setAll(identity);
        }
        JsonNode choices = node.path("choices");
        if (choices.size() > 1 || choices.path(0).path("index").asInt(0) != 0) {
            throw diverged("answered with more than one choice");
        }
        if (choices.size() == 1) {
            ObjectNode choice = (ObjectNode) choices.get(0);
            ObjectNode delta = choice.path("delta").isObject() ? (ObjectNode) choice.get("delta") : choice.putObject("delta");
            delta.remove(List.of("role", "reasoning_content", "reasoning", "thinking_blocks"));
        }
        return node;
    }

    /** How many characters of {@code text} equal {@code expected} from {@code from} on. */
    private static int common(String text, String expected, int from) {
        int n = Math.min(text.length() - from, expected.length());
        int i = 0;
        while (i < n && text.charAt(from + i) == expected.charAt(i)) {
            i++;
        }
        return i;
    }

    static GatewayException diverged(String how) {
        return new GatewayException(502, new OpenAiError("The continuation of the interrupted stream " + how
                + "; it was not spliced.", OpenAiError.SERVER_ERROR, null, DIVERGED));
    }
}
