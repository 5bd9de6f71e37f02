package dev.camelgateway.support;

import com.openai.client.OpenAIClient;
import com.openai.core.http.StreamResponse;
import com.openai.helpers.ChatCompletionAccumulator;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.chat.completions.ChatCompletionMessageToolCall;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Helpers for comparing what the SDK rebuilds from a stream with what a non-streaming call returns. */
public final class Completions {
    private Completions() {
    }

    /** Streams {@code params} with {@code include_usage} and returns every chunk plus the SDK's accumulated completion. */
    public static Streamed stream(OpenAIClient client, ChatCompletionCreateParams params) {
        ChatCompletionAccumulator accumulator = ChatCompletionAccumulator.create();
        List<ChatCompletionChunk> chunks = new ArrayList<>();
        try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(params.toBuilder()
                .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build()).build())) {
            stream.stream().forEach(chunk -> chunks.add(accumulator.accumulate(chunk)));
        }
        return new Streamed(chunks, accumulator.chatCompletion());
    }

    /** The accumulated stream is the same completion as the whole answer; usage came in its own final chunk. */
    public static void assertSameCompletion(ChatCompletion whole, Streamed streamed) {
        ChatCompletion rebuilt = streamed.rebuilt();
        assertThat(rebuilt.id()).isEqualTo(whole.id());
        assertThat(rebuilt.model()).isEqualTo(whole.model());
        assertThat(summary(rebuilt)).isEqualTo(summary(whole)).isNotEmpty();
        assertThat(rebuilt.usage()).isEqualTo(whole.usage()).isPresent();
        List<ChatCompletionChunk> chunks = streamed.chunks();
        assertThat(chunks.get(chunks.size() - 1).choices()).as("usage comes in a separate final chunk").isEmpty();
        assertThat(chunks.subList(0, chunks.size() - 1)).allSatisfy(c -> assertThat(c.usage()).isEmpty());
    }

    /** What a client sees of each choice: text, tool calls, finish reason; one line each. */
    public static List<String> summary(ChatCompletion completion) {
        List<String> out = new ArrayList<>();
        for (ChatCompletion.Choice choice : completion.choices()) {
            out.add(choice.index() + " content=" + choice.message().content().filter(s -> !s.isEmpty()).orElse("<none>")
                    + " finish=" + choice.finishReason().asString());
            for (ChatCompletionMessageToolCall call : choice.message().toolCalls().orElse(List.of())) {
                var f = call.asFunction();
                out.add("  tool " + f.id() + " " + f.function().name() + " " + f.function().arguments());
            }
        }
        return out;
    }

    public record Streamed(List<ChatCompletionChunk> chunks, ChatCompletion rebuilt) {
    }
}
