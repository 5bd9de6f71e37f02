package dev.camelgateway.e2e;

import com.anthropic.core.http.StreamResponse;
import com.anthropic.helpers.MessageAccumulator;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.anthropic.models.messages.StopReason;
import dev.camelgateway.support.FakeUpstream.Reply;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.camelgateway.e2e.StreamContinuationTest.ANSWER;
import static dev.camelgateway.e2e.StreamContinuationTest.EAST_PATH;
import static dev.camelgateway.e2e.StreamContinuationTest.PIECES;
import static dev.camelgateway.e2e.StreamContinuationTest.WEST_PATH;
import static dev.camelgateway.e2e.StreamContinuationTest.openAiStream;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A /v1/messages client (the official Anthropic SDK, as Claude Code) on an alias that continues broken streams, over
 * OpenAI-type deployments (translated): the continuation goes through the same Messages encoder, so the SDK reads one
 * message — one message_start, the 60 words once, one message_stop.
 */
class MessagesStreamContinuationTest extends MessagesTestSupport {

    @Test
    void aMessagesStreamCutMidwayIsOneMessageForTheSdk() {
        UPSTREAM.enqueue(EAST_PATH, Reply.sse(openAiStream("chatcmpl-east", PIECES.subList(0, 40), false)).thenCut());
        UPSTREAM.enqueue(WEST_PATH, Reply.sse(openAiStream("chatcmpl-west", PIECES, true)));
        MessageCreateParams params = MessageCreateParams.builder().model("continued-regenerated").maxTokens(200)
                .addUserMessage("Count to sixty.").build();

        MessageAccumulator accumulator = MessageAccumulator.create();
        List<String> types = new ArrayList<>();
        try (StreamResponse<RawMessageStreamEvent> stream = anthropic().messages().createStreaming(params)) {
            stream.stream().forEach(event -> {
                types.add(type(event));
                accumulator.accumulate(event);
            });
        }

        Message message = accumulator.message();
        assertThat(message.content()).hasSize(1);
        assertThat(message.content().get(0).asText().text()).isEqualTo(ANSWER);
        assertThat(message.stopReason()).hasValue(StopReason.END_TURN);
        assertThat(types.stream().filter("message_start"::equals)).hasSize(1);
        assertThat(types.stream().filter("message_stop"::equals)).hasSize(1);
        assertThat(types).doesNotContain("error");
    }
}
