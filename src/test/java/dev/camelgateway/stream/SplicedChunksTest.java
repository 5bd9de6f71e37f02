package dev.camelgateway.stream;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelgateway.api.GatewayException;
import dev.camelgateway.api.Json;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The splice of a continuation attempt's chunks onto what the client has, chunk by chunk, without a gateway. */
class SplicedChunksTest {

    @Test
    void aRegeneratedAnswerIsHeldUntilTheSentTextIsMatchedAcrossChunkBoundariesThenOnlyTheRestGoesOut() {
        StreamTranscript transcript = sent("chatcmpl-first", "Hello wo");
        SplicedChunks splice = new SplicedChunks(transcript, transcript.text(), false);

        assertThat(splice.apply(List.of(chunk("other", "{\"role\":\"assistant\",\"content\":\"\"}", null)))).isEmpty();
        assertThat(splice.apply(List.of(chunk("other", "{\"content\":\"Hel\"}", null)))).isEmpty();
        List<String> out = splice.apply(List.of(chunk("other", "{\"content\":\"lo world\"}", null)));

        assertThat(out).hasSize(1);
        JsonNode first = Json.objectOrNull(out.get(0));
        assertThat(first.get("id").asText()).isEqualTo("chatcmpl-first"); // the client's stream keeps its identity
        assertThat(first.get("created").asLong()).isEqualTo(1);
        assertThat(first.get("model").asText()).isEqualTo("gpt-first");
        assertThat(first.path("choices").path(0).path("delta").has("role")).isFalse();
        assertThat(first.path("choices").path(0).path("delta").path("content").asText()).isEqualTo("rld");
        assertThat(transcript.text()).isEqualTo("Hello world"); // a later break continues from all of it
        assertThat(splice.end()).isEmpty();
    }

    @Test
    void aRegeneratedAnswerThatDiffersFailsBeforeAnyOfItGoesOut() {
        SplicedChunks splice = new SplicedChunks(sent("a", "The cat sat"), "The cat sat", false);
        assertThat(splice.apply(List.of(chunk("b", "{\"content\":\"The c\"}", null)))).isEmpty();

        assertThatThrownBy(() -> splice.apply(List.of(chunk("b", "{\"content\":\"ow sat\"}", null))))
                .isInstanceOf(GatewayException.class)
                .satisfies(e -> assertThat(((GatewayException) e).error().code()).isEqualTo(SplicedChunks.DIVERGED));
    }

    @Test
    void aRegeneratedAnswerShorterThanTheSentTextDiverges() {
        SplicedChunks finished = new SplicedChunks(sent("a", "The cat sat"), "The cat sat", false);
        assertThatThrownBy(() -> finished.apply(List.of(chunk("b", "{\"content\":\"The cat\"}", "stop"))))
                .isInstanceOf(GatewayException.class);

        SplicedChunks ended = new SplicedChunks(sent("a", "The cat sat"), "The cat sat", false);
        assertThat(ended.apply(List.of(chunk("b", "{\"content\":\"The\"}", null)))).isEmpty();
        assertThatThrownBy(ended::end).isInstanceOf(GatewayException.class);
    }

    @Test
    void aToolCallWhereTheClientHasTextDiverges() {
        SplicedChunks splice = new SplicedChunks(sent("a", "Sure"), "Sure", false);
        assertThatThrownBy(() -> splice.apply(List.of(chunk("b", "{\"tool_calls\":[{\"index\":0,\"id\":\"c\",\"type\":"
                + "\"function\",\"function\":{\"name\":\"f\",\"arguments\":\"\"}}]}", null))))
                .isInstanceOf(GatewayException.class);
    }

    @Test
    void aPrefillContinuationThatBeginsWhereThePrefillEndedKeepsAllButTheWhitespaceTheClientHas() {
        SplicedChunks repeats = new SplicedChunks(sent("a", "one two "), "one two ", true);
        assertThat(text(repeats.apply(List.of(chunk("b", "{\"content\":\" three\"}", null))))).isEqualTo("three");

        SplicedChunks newLine = new SplicedChunks(sent("a", "one two "), "one two ", true);
        assertThat(text(newLine.apply(List.of(chunk("b", "{\"content\":\"\\n\\nthree\"}", null))))).isEqualTo("\n\nthree");

        SplicedChunks midWord = new SplicedChunks(sent("a", "one tw"), "one tw", true);
        assertThat(text(midWord.apply(List.of(chunk("b", "{\"content\":\"o three\"}", null))))).isEqualTo("o three");

        SplicedChunks finishes = new SplicedChunks(sent("a", "one two "), "one two ", true);
        List<String> out = finishes.apply(List.of(chunk("b", "{}", "stop")));
        assertThat(Json.objectOrNull(out.get(0)).path("choices").path(0).path("finish_reason").asText()).isEqualTo("stop");
        assertThat(finishes.end()).isEmpty();
    }

    @Test
    void aPrefillContinuationThatRepeatsThePrefillLosesTheRepetitionWhateverTheChunking() {
        SplicedChunks echo = new SplicedChunks(sent("a", "one two "), "one two ", true);
        List<String> out = new ArrayList<>();
        for (String piece : List.of("on", "e t", "wo", " thr", "ee")) {
            out.addAll(echo.apply(List.of(chunk("b", "{\"content\":\"" + piece + "\"}", null))));
        }
        assertThat(text(out)).isEqualTo("three");

        SplicedChunks echoEndsTheAnswer = new SplicedChunks(sent("a", "one two"), "one two", true);
        List<String> ended = new ArrayList<>(echoEndsTheAnswer.apply(List.of(chunk("b", "{\"content\":\"one two\"}", null))));
        assertThat(ended).isEmpty(); // held: the answer might go on
        ended.addAll(echoEndsTheAnswer.apply(List.of(chunk("b", "{}", "stop"))));
        assertThat(text(ended)).isEmpty();
        assertThat(ended).hasSize(1);
    }

    @Test
    void aStreamThatEndsWhileItsTextIsHeldGivesItBackAtTheEnd() {
        SplicedChunks splice = new SplicedChunks(sent("a", "one two "), "one two ", true);
        assertThat(splice.apply(List.of(chunk("b", "{\"content\":\"one\"}", null)))).isEmpty();
        assertThat(text(splice.end())).isEqualTo("one"); // not the prefill repeated after all: what it said goes out
    }

    @Test
    void reasoningOfTheContinuationIsDroppedAndTheUsageChunkPassesWithTheClientsId() {
        SplicedChunks splice = new SplicedChunks(sent("a", ""), "", false);
        assertThat(splice.apply(List.of(chunk("b", "{\"reasoning_content\":\"hmm\"}", null)))).isEmpty();
        List<String> usage = splice.apply(List.of("{\"id\":\"b\",\"object\":\"chat.completion.chunk\",\"created\":9,"
                + "\"model\":\"m\",\"choices\":[],\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":2,\"total_tokens\":5}}"));
        assertThat(Json.objectOrNull(usage.get(0)).get("id").asText()).isEqualTo("a");
        assertThat(Json.objectOrNull(usage.get(0)).path("usage").path("total_tokens").asInt()).isEqualTo(5);
    }

    @Test
    void theTranscriptSaysWhatCannotBeContinued() {
        StreamTranscript text = sent("a", "plain text");
        assertThat(text.notContinuable()).isNull();

        StreamTranscript tool = sent("a", "");
        tool.observe(chunk("a", "{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"{\\\"x\"}}]}", null));
        assertThat(tool.notContinuable()).isEqualTo("a tool call");

        StreamTranscript finished = sent("a", "done");
        finished.observe(chunk("a", "{}", "stop"));
        assertThat(finished.notContinuable()).isEqualTo("the finish reason");

        StreamTranscript second = sent("a", "x");
        second.observe("{\"id\":\"a\",\"choices\":[{\"index\":1,\"delta\":{\"content\":\"y\"},\"finish_reason\":null}]}");
        assertThat(second.notContinuable()).isEqualTo("more than one choice");
        assertThat(second.text()).isEqualTo("x");
    }

    /** A transcript of a stream that sent {@code text} (role chunk first) with id {@code id}. */
    private static StreamTranscript sent(String id, String text) {
        StreamTranscript transcript = new StreamTranscript();
        transcript.observe("{\"id\":\"" + id + "\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"gpt-first\","
                + "\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"finish_reason\":null}]}");
        if (!text.isEmpty()) {
            transcript.observe(chunk(id, "{\"content\":" + Json.MAPPER.valueToTree(text).toString() + "}", null));
        }
        return transcript;
    }

    private static String chunk(String id, String delta, String finish) {
        return "{\"id\":\"" + id + "\",\"object\":\"chat.completion.chunk\",\"created\":7,\"model\":\"gpt-other\","
                + "\"system_fingerprint\":\"fp_other\",\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"finish_reason\":"
                + (finish == null ? "null" : "\"" + finish + "\"") + "}]}";
    }

    private static String text(List<String> chunks) {
        List<String> parts = new ArrayList<>();
        chunks.forEach(c -> parts.add(Json.objectOrNull(c).path("choices").path(0).path("delta").path("content").asText("")));
        return String.join("", parts);
    }
}
