package dev.camelgateway.api.responses;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelgateway.api.ChatRequest;
import dev.camelgateway.api.GatewayException;
import dev.camelgateway.api.Json;
import dev.camelgateway.stream.SseFrame;
import dev.camelgateway.support.Fixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Every case folder {@code fixtures/responses/<case>/} through the Responses translation, with no Camel and no HTTP:
 * <ul>
 *   <li>{@code client-request.json} (+ {@code history.json}, a stored conversation) → {@code expected-chat-request.json}
 *       (the canonical Chat Completions body), or {@code expected-error.json} ({@code status}, {@code error});</li>
 *   <li>{@code chat-response.json} → {@code expected-response.json} (the Response object);</li>
 *   <li>{@code chat-chunks.sse} → {@code expected-events.sse}: every frame the client receives, {@code response.completed}
 *       included, and the response handed to storage is the completed event's.</li>
 * </ul>
 * Ids are a counter ({@code msg_1}, {@code fc_2}…), the response's id {@code resp_test}. Adding a case is adding a
 * folder. A mismatch writes what was made under target/responses-fixtures/ for a look.
 */
class ResponsesFixturesTest {
    private static final String DIR = "responses";
    private static final long CREATED = 1730000000L;

    static Stream<String> cases() {
        return Fixtures.casesWith(DIR, "client-request.json");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void fixtureCase(String name) throws Exception {
        JsonNode sent = json(name, "client-request.json");
        ArrayNode history = exists(name, "history.json") ? (ArrayNode) json(name, "history.json") : Json.MAPPER.createArrayNode();
        if (exists(name, "expected-error.json")) {
            // refused by the validation (on every path) or by the translation
            GatewayException e = catchThrowableOfType(GatewayException.class,
                    () -> ResponsesToChat.toCanonical(ResponsesRequestValidator.validate(sent.deepCopy()), history, false));
            assertThat(e).as("refused").isNotNull();
            ObjectNode actual = Json.object().put("status", e.status());
            actual.set("error", e.error().toEnvelope().get("error"));
            compare(name, "expected-error.json", actual);
            return;
        }
        ObjectNode body = ResponsesRequestValidator.validate(sent.deepCopy());
        ChatRequest chat = ResponsesToChat.toCanonical(body, history, false);
        compare(name, "expected-chat-request.json", chat.body());
        if (exists(name, "chat-response.json")) {
            ObjectNode response = ChatToResponse.toResponse((ObjectNode) json(name, "chat-response.json"), body,
                    "resp_test", CREATED, counter());
            compare(name, "expected-response.json", response);
        }
        if (exists(name, "chat-chunks.sse")) {
            List<ObjectNode> stored = new ArrayList<>();
            ResponsesStreamEncoder encoder = new ResponsesStreamEncoder(body, "resp_test", CREATED, counter(), stored::add);
            StringBuilder events = new StringBuilder();
            for (String chunk : Fixtures.ssePayloads(DIR, name, "chat-chunks.sse")) {
                encoder.encode(List.of(chunk)).forEach(frame -> append(events, frame));
            }
            List<SseFrame> end = encoder.end();
            end.forEach(frame -> append(events, frame));
            compareText(name, "expected-events.sse", events.toString());
            assertThat(stored).hasSize(1);
            assertThat(Json.parse(Json.write(stored.get(0)))).as("the stored response is the completed event's")
                    .isEqualTo(Json.parse(end.get(end.size() - 1).data()).get("response"));
        }
        assertThat(body).as("the translation never modifies the client's request").isEqualTo(sent);
    }

    private static ItemIds counter() {
        int[] next = {0};
        return prefix -> prefix + "_" + (++next[0]);
    }

    private static void append(StringBuilder out, SseFrame frame) {
        out.append("event: ").append(frame.event()).append('\n').append("data: ").append(frame.data()).append("\n\n");
    }

    /** Compared as JSON text reads back: a long the code made equals the same number in a file. */
    private static void compare(String name, String file, JsonNode made) throws IOException {
        JsonNode actual = Json.parse(Json.write(made));
        if (!exists(name, file) || !json(name, file).equals(actual)) {
            write(name, file, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(actual));
        }
        assertThat(exists(name, file)).as(file + " exists (target/responses-fixtures has what was made)").isTrue();
        assertThat(actual).as(file).isEqualTo(json(name, file));
    }

    private static void compareText(String name, String file, String actual) throws IOException {
        if (!exists(name, file) || !Fixtures.read(DIR, name, file).equals(actual)) {
            write(name, file, actual);
        }
        assertThat(exists(name, file)).as(file + " exists (target/responses-fixtures has what was made)").isTrue();
        assertThat(actual).as(file).isEqualTo(Fixtures.read(DIR, name, file));
    }

    private static void write(String name, String file, String content) throws IOException {
        Path out = Path.of("target", "responses-fixtures", name, file);
        Files.createDirectories(out.getParent());
        Files.writeString(out, content);
    }

    private static boolean exists(String name, String file) {
        return Files.exists(Path.of("src/test/resources/fixtures", DIR, name, file));
    }

    private static JsonNode json(String name, String file) throws IOException {
        return Json.parse(Fixtures.read(DIR, name, file));
    }
}
