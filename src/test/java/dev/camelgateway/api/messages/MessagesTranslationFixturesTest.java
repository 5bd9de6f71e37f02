package dev.camelgateway.api.messages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelgateway.api.ChatRequest;
import dev.camelgateway.api.ClientApi;
import dev.camelgateway.api.GatewayException;
import dev.camelgateway.api.Json;
import dev.camelgateway.stream.SseEvent;
import dev.camelgateway.stream.SseEventParser;
import dev.camelgateway.stream.SseFrame;
import dev.camelgateway.support.Fixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Every case folder {@code fixtures/messages/<case>/} through the pure translation classes, no Camel and no HTTP. Each
 * holds an Anthropic {@code client-request.json} (valid: the validator passes it) and any of:
 * <ul>
 *   <li>{@code canonical-request.json}: its Chat Completions translation, exactly ({@link MessagesToChat});</li>
 *   <li>{@code expected-error.json}: the translation refuses it ({@code status}, {@code param}, {@code code}, and the
 *       {@code body} in Anthropic's envelope);</li>
 *   <li>{@code chat-completion.json} → {@code expected-message.json}: a whole answer ({@link ChatToMessage});</li>
 *   <li>{@code chat-chunks.sse} → {@code expected-events.sse}: each canonical chunk through the stream encoder, then its
 *       end, as the events (names and data) the client receives ({@link MessagesStreamEncoder}).</li>
 * </ul>
 * Adding a case is adding a folder.
 */
class MessagesTranslationFixturesTest {
    private static final String API = "messages";

    static Stream<String> cases() {
        return Fixtures.casesWith(API, "client-request.json");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void fixtureCase(String caseName) throws Exception {
        ObjectNode request = MessagesRequestValidator.validate(json(caseName, "client-request.json"));
        boolean checked = checkCanonical(caseName, request) | checkAnswer(caseName, request) | checkStream(caseName, request);
        assertThat(checked).as("the case folder holds something to check").isTrue();
        assertThat(request).as("the translation never modifies the client's request").isEqualTo(json(caseName, "client-request.json"));
    }

    private static boolean checkCanonical(String caseName, ObjectNode request) throws Exception {
        if (exists(caseName, "expected-error.json")) {
            JsonNode expected = json(caseName, "expected-error.json");
            GatewayException refused = catchThrowableOfType(GatewayException.class, () -> MessagesToChat.toCanonical(request, false));
            assertThat(refused).as("the translation refuses it").isNotNull();
            assertThat(refused.status()).isEqualTo(expected.get("status").asInt());
            assertThat(refused.error().param()).isEqualTo(expected.get("param").asText());
            assertThat(refused.error().code()).isEqualTo(expected.get("code").asText());
            assertThat(Json.parse(AnthropicErrors.toJson(refused.status(), refused.error().message(), null)))
                    .isEqualTo(expected.get("body"));
            return true;
        }
        if (!exists(caseName, "canonical-request.json")) {
            return false;
        }
        ChatRequest canonical = MessagesToChat.toCanonical(request, false);
        assertThat(canonical.body()).isEqualTo(json(caseName, "canonical-request.json"));
        assertThat(canonical.includeUsage()).isEqualTo(canonical.stream());
        return true;
    }

    private static boolean checkAnswer(String caseName, ObjectNode request) throws Exception {
        if (!exists(caseName, "chat-completion.json")) {
            return false;
        }
        byte[] message = ChatToMessage.toMessage(Fixtures.read(API, caseName, "chat-completion.json").getBytes(StandardCharsets.UTF_8),
                request.get("model").asText(), AnthropicShapes.stopSequences(request));
        assertThat(Json.parse(message)).isEqualTo(json(caseName, "expected-message.json"));
        return true;
    }

    private static boolean checkStream(String caseName, ObjectNode request) throws Exception {
        if (!exists(caseName, "chat-chunks.sse")) {
            return false;
        }
        ClientApi.StreamEncoder encoder = new MessagesStreamEncoder(request.get("model").asText(),
                AnthropicShapes.stopSequences(request), AnthropicPromptTokens.count(request));
        List<Event> received = new ArrayList<>();
        for (String chunk : Fixtures.ssePayloads(API, caseName, "chat-chunks.sse")) {
            encoder.encode(List.of(chunk)).forEach(frame -> received.add(Event.of(frame)));
        }
        encoder.end().forEach(frame -> received.add(Event.of(frame)));
        List<Event> expected = new ArrayList<>();
        byte[] events = Fixtures.read(API, caseName, "expected-events.sse").getBytes(StandardCharsets.UTF_8);
        for (SseEvent event : new SseEventParser().feed(events, 0, events.length)) {
            expected.add(new Event(event.event(), Json.parse(event.data())));
        }
        assertThat(received).isEqualTo(expected);
        return true;
    }

    /** An event as the client reads it: its name and its data as JSON. */
    record Event(String name, JsonNode data) {
        static Event of(SseFrame frame) {
            try {
                return new Event(frame.event(), Json.parse(frame.data()));
            } catch (java.io.IOException e) {
                throw new AssertionError("not JSON: " + frame.data(), e);
            }
        }
    }

    private static boolean exists(String caseName, String file) {
        return Fixtures.casesWith(API, file).anyMatch(caseName::equals);
    }

    private static ObjectNode json(String caseName, String file) throws Exception {
        return (ObjectNode) Json.parse(Fixtures.read(API, caseName, file));
    }
}
