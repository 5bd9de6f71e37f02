package dev.camelgateway.api.responses;

import dev.camelgateway.support.FakeUpstream.Reply;
import dev.camelgateway.support.Fixtures;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** OpenAI Responses answers from fixtures/responses-upstream/openai/, each with an id of the test's own. */
final class UpstreamResponses {
    static final String MODEL = "gpt-4.1-2025-04-14";

    private UpstreamResponses() {
    }

    static String newId() {
        return "resp_" + UUID.randomUUID().toString().replace("-", "");
    }

    static String text(String file, String id) {
        return Fixtures.read("responses-upstream", "openai", file).replace("{{id}}", id).replace("{{model}}", MODEL);
    }

    static Reply json(String file, String id) {
        return Reply.json(200, text(file, id));
    }

    /** A recorded stream, written one event at a time ({@code event:} lines as sent). */
    static Reply sse(String file, String id) {
        return sseOf(text(file, id));
    }

    static Reply sseOf(String body) {
        return new Reply(200, Map.of("Content-Type", "text/event-stream"), List.of(), Map.of()).withRawSse(body);
    }
}
