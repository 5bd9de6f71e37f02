package dev.camelgateway.api;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A refused field is named by its full path, as OpenAI names it, however deep it sits. */
class ValidationNamesTheParameterTest {
    private static final String USER = "{\"role\":\"user\",\"content\":\"hi\"}";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "messages[1].name                    | \"messages\":[" + USER + ",{\"role\":\"user\",\"content\":\"x\",\"name\":1}]                          | invalid_type",
            "messages[0].content[1].image_url.url | \"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"a\"},{\"type\":\"image_url\",\"image_url\":{\"url\":7}}]}] | invalid_type",
            "messages[0].tool_calls[0].function.name | \"messages\":[{\"role\":\"assistant\",\"tool_calls\":[{\"id\":\"c\",\"type\":\"function\",\"function\":{\"name\":1,\"arguments\":\"{}\"}}]}] | invalid_type",
            "tools[0].function.name              | \"messages\":[" + USER + "],\"tools\":[{\"type\":\"function\",\"function\":{\"name\":5}}]        | invalid_type",
            "response_format.json_schema.name    | \"messages\":[" + USER + "],\"response_format\":{\"type\":\"json_schema\",\"json_schema\":{\"name\":5}} | invalid_type",
            "stream_options.include_usage        | \"messages\":[" + USER + "],\"stream\":true,\"stream_options\":{\"include_usage\":\"yes\"}       | invalid_type",
            "stop[1]                             | \"messages\":[" + USER + "],\"stop\":[\"a\",1]                                                   | invalid_type",
            "logit_bias.50256                    | \"messages\":[" + USER + "],\"logit_bias\":{\"50256\":1000}                                      | invalid_value",
            "metadata.team                       | \"messages\":[" + USER + "],\"metadata\":{\"team\":1}                                           | invalid_type",
            "temperature                         | \"messages\":[" + USER + "],\"temperature\":3                                                  | invalid_value",
    })
    void theErrorNamesTheFieldsFullPath(String param, String fields, String code) throws Exception {
        GatewayException refused = catchThrowableOfType(GatewayException.class,
                () -> ChatRequestValidator.validate(Json.parse(("{\"model\":\"demo\"," + fields + "}").getBytes())));

        assertThat(refused).isNotNull();
        assertThat(refused.error().param()).isEqualTo(param);
        assertThat(refused.error().code()).isEqualTo(code);
        assertThat(refused.error().message()).contains("'" + param + "'");
    }
}
