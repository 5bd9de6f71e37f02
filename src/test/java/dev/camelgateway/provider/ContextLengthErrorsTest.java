package dev.camelgateway.provider;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The providers' own sentences for a prompt over the window, and 400s that only mention the words. */
class ContextLengthErrorsTest {

    @ParameterizedTest
    @ValueSource(strings = {"prompt is too long: 210000 tokens > 200000 maximum",
            "input length and `max_tokens` exceed context limit: 190000 + 20000 > 200000",
            "gemini: The input token count (1200000) exceeds the maximum number of tokens allowed (1048576).",
            "This model's maximum context length is 8192 tokens. However, you requested 9000 tokens.",
            "Prompt contains 40000 tokens and 0 draft tokens, too large for model with 32768 maximum context length",
            "Input is too long for requested model.",
            "too many input tokens"})
    void aProvidersSentenceIsAPromptTooLong(String message) {
        assertThat(ContextLengthErrors.isContextLength(400, message)).isTrue();
        assertThat(ContextLengthErrors.isContextLength(500, message)).as("only a 400").isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Invalid JSON payload received. Unknown name \"context window\" at 'tools[0]': Cannot find field.",
            "Invalid value for 'maximum context length' in tools[0].function.description",
            "messages[1].content: the prompt is too long for this tool's description? no",
            "temperature: Input should be less than or equal to 2"})
    void aMessageThatOnlyMentionsTheWordsIsNot(String message) {
        assertThat(ContextLengthErrors.isContextLength(400, message)).isFalse();
    }
}
