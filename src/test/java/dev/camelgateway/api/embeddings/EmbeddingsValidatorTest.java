package dev.camelgateway.api.embeddings;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelgateway.api.ErrorEnvelope;
import dev.camelgateway.api.GatewayException;
import dev.camelgateway.api.Json;
import dev.camelgateway.api.ClientRequest;
import dev.camelgateway.secrets.SecretRedactor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Every wrong embeddings field is a 400 naming it (its whole path); every form OpenAI takes passes, and is counted. */
class EmbeddingsValidatorTest {
    private static final EmbeddingsApi API = new EmbeddingsApi(new ErrorEnvelope(new SecretRedactor(List.of())));

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "model           | \"input\":\"hi\"                                         | missing_required_parameter",
            "model           | \"model\":7,\"input\":\"hi\"                               | invalid_type",
            "model           | \"model\":\"\",\"input\":\"hi\"                              | invalid_value",
            "input           | \"model\":\"m\"                                          | missing_required_parameter",
            "input           | \"model\":\"m\",\"input\":null                              | missing_required_parameter",
            "input           | \"model\":\"m\",\"input\":\"\"                                | invalid_value",
            "input           | \"model\":\"m\",\"input\":[]                                | empty_array",
            "input           | \"model\":\"m\",\"input\":{\"text\":\"hi\"}                     | invalid_type",
            "input           | \"model\":\"m\",\"input\":12                                | invalid_type",
            "input[1]        | \"model\":\"m\",\"input\":[\"a\",2]                            | invalid_type",
            "input[1]        | \"model\":\"m\",\"input\":[\"a\",\"\"]                           | invalid_value",
            "input[1]        | \"model\":\"m\",\"input\":[1,\"a\"]                            | invalid_type",
            "input[1]        | \"model\":\"m\",\"input\":[1,-2]                             | invalid_value",
            "input[0]        | \"model\":\"m\",\"input\":[1.5]                              | invalid_type",
            "input[0]        | \"model\":\"m\",\"input\":[99999999999]                      | invalid_value",
            "input[0]        | \"model\":\"m\",\"input\":[true]                             | invalid_type",
            "input[0]        | \"model\":\"m\",\"input\":[[]]                               | empty_array",
            "input[1]        | \"model\":\"m\",\"input\":[[1],\"a\"]                          | invalid_type",
            "input[0][1]     | \"model\":\"m\",\"input\":[[1,\"a\"]]                          | invalid_type",
            "encoding_format | \"model\":\"m\",\"input\":\"hi\",\"encoding_format\":\"binary\"     | invalid_value",
            "encoding_format | \"model\":\"m\",\"input\":\"hi\",\"encoding_format\":1            | invalid_type",
            "dimensions      | \"model\":\"m\",\"input\":\"hi\",\"dimensions\":0                 | integer_below_min_value",
            "dimensions      | \"model\":\"m\",\"input\":\"hi\",\"dimensions\":\"256\"             | invalid_type",
            "dimensions      | \"model\":\"m\",\"input\":\"hi\",\"dimensions\":1.5               | invalid_type",
            "user            | \"model\":\"m\",\"input\":\"hi\",\"user\":42                      | invalid_type",
    })
    void aWrongFieldIsA400NamingIt(String param, String fields, String code) {
        GatewayException refused = catchThrowableOfType(GatewayException.class,
                () -> EmbeddingsValidator.validate(Json.parse("{" + fields + "}")));

        assertThat(refused).as("refused").isNotNull();
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.error().param()).isEqualTo(param);
        assertThat(refused.error().code()).isEqualTo(code);
        assertThat(refused.error().message()).contains(code.startsWith("missing") ? param : "'" + param + "'");
    }

    @Test
    void aBodyThatIsNoObjectIsRefused() {
        GatewayException refused = catchThrowableOfType(GatewayException.class,
                () -> EmbeddingsValidator.validate(Json.parse("[\"hi\"]")));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.error().code()).isEqualTo("invalid_type");
    }

    @Test
    void moreThan2048InputsAreRefusedButOneLongTokenArrayIsOneInput() throws Exception {
        String texts = "\"a\",".repeat(EmbeddingsValidator.MAX_INPUTS) + "\"a\"";
        GatewayException refused = catchThrowableOfType(GatewayException.class,
                () -> EmbeddingsValidator.validate(Json.parse("{\"model\":\"m\",\"input\":[" + texts + "]}")));
        assertThat(refused.error().param()).isEqualTo("input");
        assertThat(refused.error().code()).isEqualTo("array_above_max_length");
        assertThat(refused.error().message()).contains("2048", "2049");

        String ids = "1,".repeat(5000) + "1";
        ObjectNode body = EmbeddingsValidator.validate(Json.parse("{\"model\":\"m\",\"input\":[" + ids + "]}"));
        assertThat(EmbeddingsInput.of(body).size()).isEqualTo(1);
        assertThat(EmbeddingsInput.of(body).tokens()).isEqualTo(5001);
    }

    /** The four input forms: one vector per input; texts counted by jtokkit, token ids as given. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "\"hello world\"                         | 1 | 2",
            "[\"hello world\",\"Embed this sentence.\"] | 2 | 6",
            "[9906,1917,0]                         | 1 | 3",
            "[[9906,1917],[5159]]                  | 2 | 3",
    })
    void everyInputFormPassesAndIsCounted(String input, int vectors, long tokens) throws Exception {
        ObjectNode body = EmbeddingsValidator.validate(Json.parse("{\"model\":\"m\",\"input\":" + input
                + ",\"encoding_format\":\"base64\",\"dimensions\":256,\"user\":\"u\",\"unknown\":1}"));
        ClientRequest request = new ClientRequest(API, body, "m", false, Map.of());

        assertThat(EmbeddingsInput.of(body).size()).isEqualTo(vectors);
        assertThat(request.promptTokens()).isEqualTo(tokens);
        assertThat(request.maxOutputTokens()).as("no output tokens to reserve").isZero();
    }
}
