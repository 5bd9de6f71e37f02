package dev.camelgateway.api.embeddings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelgateway.api.GatewayException;
import dev.camelgateway.usage.UsageEstimator;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code input} of an embeddings request that {@link EmbeddingsValidator} passed, in the forms OpenAI takes: one
 * text, several texts, one input as token ids, or several inputs as token ids. One answer vector per input.
 */
public final class EmbeddingsInput {
    private final List<String> texts;
    private final List<ArrayNode> tokenIds;

    private EmbeddingsInput(List<String> texts, List<ArrayNode> tokenIds) {
        this.texts = texts;
        this.tokenIds = tokenIds;
    }

    /** The input of a validated request body. */
    public static EmbeddingsInput of(ObjectNode body) {
        JsonNode input = body.get("input");
        if (input.isTextual()) {
            return new EmbeddingsInput(List.of(input.asText()), null);
        }
        ArrayNode array = (ArrayNode) input;
        if (array.get(0).isIntegralNumber()) {
            return new EmbeddingsInput(null, List.of(array)); // one input, as token ids
        }
        if (array.get(0).isArray()) {
            List<ArrayNode> inputs = new ArrayList<>(array.size());
            array.forEach(ids -> inputs.add((ArrayNode) ids));
            return new EmbeddingsInput(null, inputs);
        }
        List<String> inputs = new ArrayList<>(array.size());
        array.forEach(text -> inputs.add(text.asText()));
        return new EmbeddingsInput(inputs, null);
    }

    /** How many vectors the answer holds. */
    public int size() {
        return texts != null ? texts.size() : tokenIds.size();
    }

    /**
     * The texts, for a provider that embeds text only; token ids are a 400 naming the provider (a gateway cannot turn
     * them back into text: they are ids of OpenAI's tokenizer, not the provider's).
     */
    public List<String> texts(String provider) {
        if (texts == null) {
            throw GatewayException.badRequest("Provider '" + provider + "' embeds text only: send 'input' as a string or "
                    + "an array of strings, not as token ids.", "input", "unsupported_value");
        }
        return texts;
    }

    /** The prompt's tokens: each text counted by jtokkit (no framing: embeddings have none), or the token ids given. */
    public long tokens() {
        long tokens = 0;
        if (texts != null) {
            for (String text : texts) {
                tokens += UsageEstimator.textTokens(text);
            }
        } else {
            for (ArrayNode ids : tokenIds) {
                tokens += ids.size();
            }
        }
        return tokens;
    }
}
