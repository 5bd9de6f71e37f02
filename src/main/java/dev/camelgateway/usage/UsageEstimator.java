package dev.camelgateway.usage;

import com.fasterxml.jackson.databind.JsonNode;
import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import dev.camelgateway.api.ChatRequest;
import dev.camelgateway.provider.MessageText;

/**
 * Token counts for an attempt the provider never reported usage for (typically a stream cut before its usage
 * event), with a real BPE tokenizer (jtokkit, o200k_base). Exact for OpenAI's current models, an estimate for
 * others; the ledger marks such rows {@code ESTIMATED}. Prompt counting follows OpenAI's chat format: a few tokens per
 * message for its framing, plus three that prime the reply.
 */
public final class UsageEstimator {
    private static final Encoding ENCODING = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.O200K_BASE);
    private static final int PER_MESSAGE = 3;
    private static final int REPLY_PRIMING = 3;

    private UsageEstimator() {
    }

    public static long promptTokens(ChatRequest request) {
        long tokens = REPLY_PRIMING;
        for (JsonNode message : request.body().path("messages")) {
            tokens += PER_MESSAGE + count(message.path("role").asText("")) + count(MessageText.of(message.get("content")));
            for (JsonNode call : message.path("tool_calls")) {
                tokens += count(call.path("function").path("name").asText("")) + count(call.path("function").path("arguments").asText(""));
            }
        }
        JsonNode tools = request.body().get("tools");
        if (tools != null && !tools.isNull()) {
            tokens += count(tools.toString());
        }
        return tokens;
    }

    public static long completionTokens(CharSequence output) {
        return count(output.toString());
    }

    /** The tokens of a text as it is, without any chat framing (an embeddings input). */
    public static long textTokens(String text) {
        return count(text);
    }

    private static long count(String text) {
        return text.isEmpty() ? 0 : ENCODING.countTokensOrdinary(text);
    }
}
