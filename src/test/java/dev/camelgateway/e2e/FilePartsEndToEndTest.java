package dev.camelgateway.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.openai.errors.BadRequestException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionContentPart;
import com.openai.models.chat.completions.ChatCompletionContentPartText;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.camelgateway.api.Json;
import dev.camelgateway.support.FakeUpstream.Reply;
import dev.camelgateway.support.Fixtures;
import dev.camelgateway.support.GatewayTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A PDF sent as the official OpenAI Java SDK sends it — a {@code file} content part with base64 {@code file_data} —
 * reaches the Anthropic and Gemini fake upstreams as each provider's own document part (issue 14, item 5).
 */
class FilePartsEndToEndTest extends GatewayTestSupport {
    private static final String PDF_BASE64 = "JVBERi0xLjQKJcfsj6IKMSAwIG9iago8PD4+CmVuZG9iagp0cmFpbGVyCjw8Pj4KJSVFT0YK";

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"anthropic", "gemini"})
    void aPdfFilePartReachesTheUpstreamAsItsDocumentPart(String provider) throws Exception {
        boolean anthropic = provider.equals("anthropic");
        UPSTREAM.enqueue(anthropic ? ANTHROPIC_PATH : GEMINI_PATH,
                Reply.json(200, Fixtures.read(provider, "chat-basic", "upstream-response.json")));

        ChatCompletion answer = openAi().chat().completions().create(params(
                anthropic ? "anthropic/claude-sonnet-4-5" : "gemini/gemini-2.5-flash",
                ChatCompletionContentPart.File.FileObject.builder()
                        .fileData("data:application/pdf;base64," + PDF_BASE64).filename("report.pdf").build()));

        assertThat(answer.choices().get(0).message().content()).isPresent();
        JsonNode parts = anthropic
                ? Json.parse(UPSTREAM.lastRequest().body()).path("messages").get(0).path("content")
                : Json.parse(UPSTREAM.lastRequest().body()).path("contents").get(0).path("parts");
        assertThat(parts).hasSize(2);
        assertThat(parts.get(1)).isEqualTo(Json.parse(anthropic
                ? "{\"type\":\"document\",\"source\":{\"type\":\"base64\",\"media_type\":\"application/pdf\",\"data\":\""
                        + PDF_BASE64 + "\"},\"title\":\"report.pdf\"}"
                : "{\"inlineData\":{\"mimeType\":\"application/pdf\",\"data\":\"" + PDF_BASE64 + "\"}}"));
    }

    @Test
    void aFileIdIsRefusedWithTheFieldItNamesAndNothingIsSentUpstream() {
        int before = UPSTREAM.received().size();
        assertThatThrownBy(() -> openAi().chat().completions().create(params("gemini/gemini-2.5-flash",
                ChatCompletionContentPart.File.FileObject.builder().fileId("file-abc123").build())))
                .isInstanceOfSatisfying(BadRequestException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.param()).hasValue("messages[0].content[1].file.file_id");
                });
        assertThat(UPSTREAM.received()).hasSize(before);
    }

    private static ChatCompletionCreateParams params(String model, ChatCompletionContentPart.File.FileObject file) {
        return ChatCompletionCreateParams.builder().model(model).maxCompletionTokens(100)
                .addUserMessageOfArrayOfContentParts(List.of(
                        ChatCompletionContentPart.ofText(ChatCompletionContentPartText.builder().text("Summarise this.").build()),
                        ChatCompletionContentPart.ofFile(ChatCompletionContentPart.File.builder().file(file).build())))
                .build();
    }
}
