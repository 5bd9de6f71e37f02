package dev.camelgateway.api.messages;

import dev.camelgateway.api.ClientApi;
import dev.camelgateway.api.GatewayException;
import dev.camelgateway.provider.UpstreamStreamException;
import dev.camelgateway.stream.SseFrame;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The stream encoder's state between chunks, beyond the fixture cases: what end() still owes, errors, odd orders. */
class MessagesStreamEncoderTest {
    private static final String HEAD = "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\",";

    private final ClientApi.StreamEncoder encoder = new MessagesStreamEncoder("alias", List.of(), 7);

    @Test
    void aStreamWithNoChunkStillEndsAsAWholeMessage() {
        assertThat(names(encoder.end())).containsExactly("message_start", "ping", "message_delta", "message_stop");
    }

    @Test
    void endClosesTheOpenBlockWhenNoFinishReasonCame() {
        List<SseFrame> frames = encoder.encode(List.of(chunk("{\"index\":0,\"delta\":{\"content\":\"Hi\"},\"finish_reason\":null}")));
        assertThat(names(frames)).containsExactly("message_start", "ping", "content_block_start", "content_block_delta");

        List<SseFrame> end = encoder.end();
        assertThat(names(end)).containsExactly("content_block_stop", "message_delta", "message_stop");
        assertThat(end.get(1).data()).contains("\"stop_reason\":\"end_turn\"");
    }

    @Test
    void messageStartCarriesTheGatewaysCountOfThePromptUntilTheProviderTellsIt() {
        List<SseFrame> frames = encoder.encode(List.of(HEAD + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\"}}]}"));
        assertThat(frames.get(0).data()).contains("\"input_tokens\":7");
    }

    @Test
    void messageStartCarriesTheInputTokensWhenTheFirstChunkKnowsThem() {
        List<SseFrame> frames = encoder.encode(List.of(HEAD + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\"}}],"
                + "\"usage\":{\"prompt_tokens\":42,\"completion_tokens\":0}}"));
        assertThat(frames.get(0).data()).contains("\"input_tokens\":42");
    }

    @Test
    void anErrorIsAnErrorEventWithTheBodyAndNoMessageStop() {
        encoder.encode(List.of(chunk("{\"index\":0,\"delta\":{\"content\":\"Hi\"}}")));
        String body = AnthropicErrors.toJson(502, "upstream stream interrupted", "req_1");

        List<SseFrame> frames = encoder.error(body);

        assertThat(frames).containsExactly(new SseFrame("error", body));
    }

    @Test
    void aToolCallResumedAfterAnotherBlockStartedIsAnUpstreamProtocolError() {
        encoder.encode(List.of(chunk("{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"id\":\"call_a\",\"function\":{\"name\":\"f\",\"arguments\":\"{\"}}]}}")));
        encoder.encode(List.of(chunk("{\"index\":0,\"delta\":{\"content\":\"text in between\"}}")));

        assertThatThrownBy(() -> encoder.encode(List.of(chunk(
                "{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"}\"}}]}}"))))
                .isInstanceOfSatisfying(UpstreamStreamException.class,
                        e -> assertThat(e.error().code()).isEqualTo(UpstreamStreamException.PROTOCOL_ERROR));
    }

    @Test
    void otherChoicesThanTheFirstAreNotRead() {
        List<SseFrame> frames = encoder.encode(List.of(chunk("{\"index\":1,\"delta\":{\"content\":\"second\"}}")));
        assertThat(names(frames)).containsExactly("message_start", "ping");
    }

    @Test
    void topKIsDroppedWhenTheOperatorSaysSo() throws Exception {
        var request = MessagesRequestValidator.validate(dev.camelgateway.api.Json.parse(
                "{\"model\":\"m\",\"max_tokens\":5,\"top_k\":3,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"));

        assertThat(MessagesToChat.toCanonical(request, true).body().has("top_k")).isFalse();
        assertThatThrownBy(() -> MessagesToChat.toCanonical(request, false)).isInstanceOf(GatewayException.class);
    }

    private static String chunk(String choice) {
        return HEAD + "\"choices\":[" + choice + "]}";
    }

    private static List<String> names(List<SseFrame> frames) {
        return frames.stream().map(SseFrame::event).toList();
    }
}
