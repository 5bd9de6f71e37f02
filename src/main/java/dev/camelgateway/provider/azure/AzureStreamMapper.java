package dev.camelgateway.provider.azure;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelgateway.provider.StreamOutput;
import dev.camelgateway.provider.openai.OpenAiStreamMapper;

/**
 * Azure's streams are OpenAI's, plus content-filter annotations: {@code content_filter_results} and
 * {@code content_filter_offsets} on choices pass through (clients ignore unknown fields), but the chunk that carries
 * only {@code prompt_filter_results}, with {@code choices: []}, no usage and an empty {@code id}/{@code object}, is
 * dropped: it is no chat.completion.chunk an OpenAI client expects. {@code finish_reason: content_filter} is OpenAI's own.
 */
final class AzureStreamMapper extends OpenAiStreamMapper {

    AzureStreamMapper(boolean clientWantsUsage) {
        super(clientWantsUsage);
    }

    @Override
    protected StreamOutput toChunks(ObjectNode chunk, String data) {
        if (chunk.path("choices").isEmpty() && !chunk.hasNonNull("usage")) {
            return StreamOutput.NOTHING; // the prompt's filter annotations
        }
        return super.toChunks(chunk, data);
    }
}
