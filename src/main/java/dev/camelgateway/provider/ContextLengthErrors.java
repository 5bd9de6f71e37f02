package dev.camelgateway.provider;

import java.util.regex.Pattern;

/**
 * Recognises a provider's "the prompt does not fit the model's context window" 400 by its wording, for the providers
 * that have no code for it (OpenAI and Azure send {@code context_length_exceeded}): the error mappers then give it
 * OpenAI's code, which the failure policy sends to the alias's {@code context-fallbacks}.
 * Anthropic: "prompt is too long: 210000 tokens &gt; 200000 maximum", "input length and `max_tokens` exceed context
 * limit"; Gemini: "The input token count (1200000) exceeds the maximum number of tokens allowed (1048576)"; Mistral:
 * "Prompt contains 40000 tokens ... too large for model with 32768 maximum context length"; Bedrock: "Input is too
 * long for requested model", "too many input tokens".
 */
public final class ContextLengthErrors {
    public static final String CODE = "context_length_exceeded";
    // anchored on the providers' own sentences (with their numbers), not loose words a client's text could carry
    private static final Pattern WORDING = Pattern.compile("^([\\w.-]+: )?prompt is too long|exceed context limit"
            + "|input token count \\(?\\d+\\)? exceeds the maximum|maximum context length is \\d+"
            + "|\\d+ maximum context length|^([\\w.-]+: )?input is too long|too many input tokens",
            Pattern.CASE_INSENSITIVE);

    private ContextLengthErrors() {
    }

    /** True for a 400 whose message says the prompt is longer than the model's window. */
    public static boolean isContextLength(int status, String message) {
        return status == 400 && message != null && WORDING.matcher(message).find();
    }
}
