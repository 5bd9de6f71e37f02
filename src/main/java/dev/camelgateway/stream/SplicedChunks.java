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
 * chunk's identity kept, no second role, no new reasoning, and the text the client has ({@code expected}) taken off
 * the front. Nothing goes out until that text is accounted for. Strict (regenerate-and-verify): the regenerated answer
 * must begin with exactly the text sent, or the attempt fails with {@code continuation_diverged} before the client
 * sees any of it. Lenient (prefill): {@code expected} is only the whitespace the prefill left off; a continuation that
 * does not repeat it is taken as it comes.
 */
public final class SplicedChunks implements TranslatedStream.ChunkFilter {
    /** The error code of a regenerated answer that does not continue the text sent. */
    public static final String DIVERGED = "continuation_diverged";
    private final StreamTranscript transcript;
    private final String expected;
    private final boolean strict;
    private final List<String> held = new ArrayList<>();
    private int matched;
    private boolean verified;

    public SplicedChunks(StreamTranscript transcript, String expected, boolean strict) {
        this.transcript = transcript;
        this.expected = expected;
        this.strict = strict;
        this.verified = expected.isEmpty();
    }

    @Override
    public List<String> apply(List<String> chunks) {
        for (String chunk : chunks) {
            String spliced = splice(chunk);
            if (spliced != null) {
                held.add(spliced);
            }
        }
        if (!verified || held.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>(held.size());
        held.forEach(chunk -> out.add(transcript.observe(chunk)));
        held.clear();
        return out;
    }

    @Override
    public void end() {
        if (!verified) {
            throw diverged("ended after " + matched + " of the " + expected.length() + " characters sent");
        }
    }

    /** One chunk with the identity, role, reasoning and already-sent text dealt with; null when nothing is left of it. */
    private String splice(String chunk) {
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
        if (!choices.isArray() || choices.isEmpty()) {
            return Json.write(node); // the usage chunk
        }
        ObjectNode choice = (ObjectNode) choices.get(0);
        if (choices.size() > 1 || choice.path("index").asInt(0) != 0) {
            throw diverged("answered with more than one choice");
        }
        JsonNode deltaNode = choice.path("delta");
        ObjectNode delta = deltaNode.isObject() ? (ObjectNode) deltaNode : choice.putObject("delta");
        delta.remove(List.of("role", "reasoning_content", "reasoning", "thinking_blocks"));
        if (!verified) {
            if (delta.hasNonNull("tool_calls") || delta.hasNonNull("function_call") || delta.hasNonNull("refusal")) {
                throw diverged("called a tool or refused where the client has text");
            }
            String content = delta.path("content").isTextual() ? delta.get("content").asText() : "";
            int same = commonPrefix(content, expected, matched);
            if (same < Math.min(content.length(), expected.length() - matched) && strict) {
                throw diverged("differs from the text sent at character " + (matched + same));
            }
            boolean stopped = same < Math.min(content.length(), expected.length() - matched); // lenient: the rest is new
            matched += same;
            verified = matched == expected.length() || stopped;
            String rest = content.substring(same);
            if (rest.isEmpty()) {
                delta.remove("content");
            } else {
                delta.put("content", rest);
            }
            if (!verified && choice.hasNonNull("finish_reason")) {
                if (strict) {
                    throw diverged("finished after " + matched + " of the " + expected.length() + " characters sent");
                }
                verified = true;
            }
        }
        boolean empty = delta.isEmpty() && !choice.hasNonNull("finish_reason") && !choice.hasNonNull("logprobs")
                && !node.hasNonNull("usage");
        return empty ? null : Json.write(node);
    }

    private static int commonPrefix(String content, String expected, int from) {
        int n = Math.min(content.length(), expected.length() - from);
        int i = 0;
        while (i < n && content.charAt(i) == expected.charAt(from + i)) {
            i++;
        }
        return i;
    }

    static GatewayException diverged(String how) {
        return new GatewayException(502, new OpenAiError("The continuation of the interrupted stream " + how
                + "; it was not spliced.", OpenAiError.SERVER_ERROR, null, DIVERGED));
    }
}
