package dev.camelgateway.stream;

import dev.camelgateway.api.ChatCompletionsApi;
import dev.camelgateway.api.ChatTranslatedApi;
import dev.camelgateway.api.ClientApi;
import dev.camelgateway.api.ErrorEnvelope;
import dev.camelgateway.api.GatewayException;
import dev.camelgateway.secrets.SecretRedactor;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The client's stream directly: frames on the wire, as Chat Completions (and APIs with named events) send them. */
class SseResponseTest {
    private final MockHttpServletResponse servlet = new MockHttpServletResponse();
    private final SseResponse stream = new SseResponse(servlet, () -> Map.of("x-request-id", "req_1"));

    @Test
    void chatCompletionsFramesAreDataEventsEndedByDone() throws Exception {
        ChatTranslatedApi api = new ChatCompletionsApi(new ErrorEnvelope(new SecretRedactor(List.of())));
        ClientApi.StreamEncoder encoder = api.newStreamEncoder(null);

        stream.send(encoder.encode(List.of("{\"a\":1}", "{\"b\":2}")));
        stream.send(encoder.end());

        assertThat(servlet.getContentAsString()).isEqualTo("data: {\"a\":1}\n\ndata: {\"b\":2}\n\ndata: [DONE]\n\n");
        assertThat(servlet.getContentType()).startsWith("text/event-stream");
        assertThat(servlet.getHeader("x-request-id")).isEqualTo("req_1");
    }

    @Test
    void aMidStreamErrorIsOneDataEventWithTheEnvelopeAndNoDone() throws Exception {
        ChatTranslatedApi api = new ChatCompletionsApi(new ErrorEnvelope(new SecretRedactor(List.of())));
        ClientApi.StreamEncoder encoder = api.newStreamEncoder(null);
        stream.send(encoder.encode(List.of("{\"a\":1}")));

        assertThat(stream.trySend(encoder.error(api.errorBody(GatewayException.badRequest("broken", null, "x"))))).isTrue();

        assertThat(servlet.getContentAsString()).startsWith("data: {\"a\":1}\n\ndata: {\"error\":{\"message\":\"broken\"")
                .endsWith("}\n\n").doesNotContain("[DONE]");
    }

    @Test
    void aNamedEventCarriesItsEventLine() throws Exception {
        stream.send(List.of(new SseFrame("message_start", "{\"type\":\"message_start\"}")));

        assertThat(servlet.getContentAsString()).isEqualTo("event: message_start\ndata: {\"type\":\"message_start\"}\n\n");
    }
}
