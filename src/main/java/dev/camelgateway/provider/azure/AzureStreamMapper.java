package dev.camelgateway.provider.azure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelgateway.provider.StreamOutput;
import dev.camelgateway.provider.openai.OpenAiStreamMapper;

/**
 * Azure's streams are OpenAI's plus content-filter annotations (Azure docs, "Content filtering", streaming). Chunks
 * with content pass through with their {@code content_filter_results} (clients ignore unknown fields); chunks that
 * carry annotations only are dropped, as an OpenAI client cannot take them: the first one
 * ({@code prompt_filter_results}, {@code choices: []}, empty {@code id} and {@code object}) and the asynchronous
 * filter's ({@code content_filter_offsets}, an empty {@code delta}, no finish_reason), which may come after the
 * finish_reason chunk — the OpenAI SDKs' accumulators refuse any choice after that. {@code finish_reason:
 * content_filter} is OpenAI's own and passes.
 */
final class AzureStreamMapper extends OpenAiStreamMapper {

    AzureStreamMapper(boolean clientWantsUsage) {
        super(clientWantsUsage);
    }

    @Override
    protected StreamOutput toChunks(ObjectNode chunk, String data) {
        if (!chunk.hasNonNull("usage") && annotationsOnly(chunk.path("choices"))) {
            return StreamOutput.NOTHING;
        }
        return super.toChunks(chunk, data);
    }

    /** No choice says anything: each has an empty delta and no finish_reason (or there is no choice at all). */
    private static boolean annotationsOnly(JsonNode choices) {
        for (JsonNode choice : choices) {
            if (choice.hasNonNull("finish_reason") || !choice.path("delta").isEmpty()) {
                return false;
            }
        }
        return true;
    }
}
