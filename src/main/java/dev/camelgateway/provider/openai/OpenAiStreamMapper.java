package dev.camelgateway.provider.openai;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelgateway.provider.StreamOutput;

import java.util.List;

/**
 * OpenAI-type streams pass through unchanged, event for event: the original text is sent, the parsed chunk is
 * only read for its usage.
 */
public final class OpenAiStreamMapper extends OpenAiShapedStreamMapper {

    @Override
    protected StreamOutput toChunks(ObjectNode chunk, String data) {
        return new StreamOutput(List.of(data), OpenAiUsage.toUsage(chunk.get("usage")), OpenAiShapes.outputText(chunk));
    }

    @Override
    protected StreamOutput closingChunks() {
        return StreamOutput.NOTHING;
    }
}
