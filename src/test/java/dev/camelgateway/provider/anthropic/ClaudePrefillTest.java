package dev.camelgateway.provider.anthropic;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Which Claude model ids continue a final assistant message, as Anthropic, Bedrock and Vertex spell them. */
class ClaudePrefillTest {

    @ParameterizedTest
    @CsvSource({
            "claude-3-5-sonnet-20241022, true",
            "claude-3-haiku-20240307, true",
            "claude-sonnet-4-5, true",
            "claude-sonnet-4-5-20250929, true",
            "claude-opus-4-1-20250805, true",
            "claude-opus-4-20250514, true",
            "claude-opus-4-6, false",
            "claude-sonnet-4-6, false",
            "claude-opus-4-7, false",
            "claude-opus-5, false",
            "us.anthropic.claude-opus-4-6-v1, false",
            "anthropic.claude-3-5-sonnet-20240620-v1:0, true",
            "claude-sonnet-4-5@20250929, true",
            "claude-opus-4-6@20260205, false",
            "some-other-model, false"})
    void prefillByModel(String model, boolean accepts) {
        assertThat(ClaudePrefill.accepts(model)).isEqualTo(accepts);
    }
}
