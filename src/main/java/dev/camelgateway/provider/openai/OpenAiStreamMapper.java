package dev.camelgateway.provider.openai;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelgateway.provider.StreamOutput;

import java.util.List;

/**
 * OpenAI-type streams pass through unchanged, event for event: the original text is sent, the parsed chunk is
 * only read for its usage and text. The gateway always asks for the usage chunk; a client that did not ask for it
 * does not get it.
 */
public class OpenAiStreamMapper extends OpenAiShapedStreamMapper {
    private final boolean clientWantsUsage;

    public OpenAiStreamMapper(boolean clientWantsUsage) {
        this.clientWantsUsage = clientWantsUsage;
    }

    @Override
    protected StreamOutput toChunks(ObjectNode chunk, String data) {
        var usage = OpenAiUsage.toUsage(chunk.get("usage"));
        if (usage != null && chunk.path("choices").isEmpty() && !clientWantsUsage) {
            return new StreamOutput(List.of(), usage); // asked for by the gateway, not by the client
        }
        return new StreamOutput(List.of(data), usage, OpenAiShapes.outputText(chunk));
    }

    @Override
    protected StreamOutput closingChunks() {
        return StreamOutput.NOTHING;
    }
}
