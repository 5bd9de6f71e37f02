package dev.camelgateway.api.messages;

import dev.camelgateway.api.GatewayException;
import dev.camelgateway.api.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A wrong Anthropic request is a 400 that names the field by its whole path, however deep it sits. */
class MessagesRequestValidatorTest {
    private static final String USER = "{\"role\":\"user\",\"content\":\"hi\"}";
    private static final String MESSAGES = "\"messages\":[" + USER + "]";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "model                              | \"max_tokens\":5," + MESSAGES + "                                                    | missing_required_parameter",
            "max_tokens                         | \"model\":\"m\"," + MESSAGES + "                                                     | missing_required_parameter",
            "max_tokens                         | \"model\":\"m\",\"max_tokens\":0," + MESSAGES + "                                    | integer_below_min_value",
            "max_tokens                         | \"model\":\"m\",\"max_tokens\":\"5\"," + MESSAGES + "                                | invalid_type",
            "messages                           | \"model\":\"m\",\"max_tokens\":5,\"messages\":[]                                       | empty_array",
            "messages[0].role                   | \"model\":\"m\",\"max_tokens\":5,\"messages\":[{\"role\":\"system\",\"content\":\"x\"}] | invalid_value",
            "messages[0].content                | \"model\":\"m\",\"max_tokens\":5,\"messages\":[{\"role\":\"user\"}]                    | missing_required_parameter",
            "messages[0].content[0].text        | \"model\":\"m\",\"max_tokens\":5,\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":1}]}] | invalid_type",
            "messages[0].content[0].source.data | \"model\":\"m\",\"max_tokens\":5,\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"image\",\"source\":{\"type\":\"base64\",\"media_type\":\"image/png\"}}]}] | missing_required_parameter",
            "messages[0].content[0].input       | \"model\":\"m\",\"max_tokens\":5,\"messages\":[{\"role\":\"assistant\",\"content\":[{\"type\":\"tool_use\",\"id\":\"t\",\"name\":\"f\",\"input\":\"{}\"}]}] | invalid_type",
            "messages[0].content[0].content[0].text | \"model\":\"m\",\"max_tokens\":5,\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"t\",\"content\":[{\"type\":\"text\"}]}]}] | missing_required_parameter",
            "messages[0].content[0].is_error    | \"model\":\"m\",\"max_tokens\":5,\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"t\",\"is_error\":\"yes\"}]}] | invalid_type",
            "system                             | \"model\":\"m\",\"max_tokens\":5," + MESSAGES + ",\"system\":5                          | invalid_type",
            "system[0].type                     | \"model\":\"m\",\"max_tokens\":5," + MESSAGES + ",\"system\":[{\"type\":\"image\",\"text\":\"x\"}] | invalid_value",
            "stream                             | \"model\":\"m\",\"max_tokens\":5," + MESSAGES + ",\"stream\":\"true\"                  | invalid_type",
            "stop_sequences[1]                  | \"model\":\"m\",\"max_tokens\":5," + MESSAGES + ",\"stop_sequences\":[\"a\",2]         | invalid_type",
            "temperature                        | \"model\":\"m\",\"max_tokens\":5," + MESSAGES + ",\"temperature\":1.5                  | invalid_value",
            "top_p                              | \"model\":\"m\",\"max_tokens\":5," + MESSAGES + ",\"top_p\":\"x\"                      | invalid_type",
            "top_k                              | \"model\":\"m\",\"max_tokens\":5," + MESSAGES + ",\"top_k\":1.5                        | invalid_type",
            "metadata.user_id                   | \"model\":\"m\",\"max_tokens\":5," + MESSAGES + ",\"metadata\":{\"user_id\":7}         | invalid_type",
            "tools[0].input_schema              | \"model\":\"m\",\"max_tokens\":5," + MESSAGES + ",\"tools\":[{\"name\":\"f\"}]          | missing_required_parameter",
            "tools[0].name                      | \"model\":\"m\",\"max_tokens\":5," + MESSAGES + ",\"tools\":[{\"type\":\"bash_20250124\"}] | missing_required_parameter",
            "tool_choice.type                   | \"model\":\"m\",\"max_tokens\":5," + MESSAGES + ",\"tool_choice\":{\"type\":\"required\"} | invalid_value",
            "tool_choice.name                   | \"model\":\"m\",\"max_tokens\":5," + MESSAGES + ",\"tool_choice\":{\"type\":\"tool\"}    | missing_required_parameter",
            "tool_choice.disable_parallel_tool_use | \"model\":\"m\",\"max_tokens\":5," + MESSAGES + ",\"tool_choice\":{\"type\":\"auto\",\"disable_parallel_tool_use\":1} | invalid_type",
            "thinking.budget_tokens             | \"model\":\"m\",\"max_tokens\":5," + MESSAGES + ",\"thinking\":{\"type\":\"enabled\",\"budget_tokens\":\"many\"} | invalid_type",
    })
    void theErrorNamesTheFieldsFullPath(String param, String fields, String code) throws Exception {
        GatewayException refused = catchThrowableOfType(GatewayException.class,
                () -> MessagesRequestValidator.validate(Json.parse("{" + fields + "}")));

        assertThat(refused).isNotNull();
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.error().param()).isEqualTo(param);
        assertThat(refused.error().code()).isEqualTo(code);
        assertThat(refused.error().message()).contains("'" + param + "'");
    }

    @Test
    void countTokensNeedsNoMaxTokensButTheSameMessages() throws Exception {
        assertThat(MessagesRequestValidator.validateCountTokens(Json.parse("{\"model\":\"m\"," + MESSAGES + "}"))).isNotNull();
        GatewayException refused = catchThrowableOfType(GatewayException.class, () -> MessagesRequestValidator
                .validateCountTokens(Json.parse("{\"model\":\"m\",\"messages\":[{\"role\":\"bot\",\"content\":\"x\"}]}")));
        assertThat(refused.error().param()).isEqualTo("messages[0].role");
    }

    @Test
    void blockTypesItDoesNotKnowPassForAnAnthropicDeployment() throws Exception {
        assertThat(MessagesRequestValidator.validate(Json.parse("{\"model\":\"m\",\"max_tokens\":5,\"messages\":[{\"role\":"
                + "\"user\",\"content\":[{\"type\":\"search_result\",\"source\":\"x\",\"title\":\"t\",\"content\":[]}]}]}"))).isNotNull();
    }
}
