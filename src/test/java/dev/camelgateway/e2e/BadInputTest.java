package dev.camelgateway.e2e;

import dev.camelgateway.support.GatewayTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static dev.camelgateway.support.OpenAiErrors.assertError;
import static org.assertj.core.api.Assertions.assertThat;

/** Every kind of bad input gets a clear OpenAI error envelope with the right status, never a 500 or a stack trace. */
class BadInputTest extends GatewayTestSupport {
    private static final String MSGS = "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "malformed JSON        | application/json                  | {\"model\":                                   | 400 | invalid_json               | ",
            "empty body            | application/json                  | ``                                           | 400 | invalid_json               | ",
            "JSON but not object   | application/json                  | [1,2]                                        | 400 | invalid_type               | ",
            "form-encoded          | application/x-www-form-urlencoded | {\"model\":\"demo\"}                          | 415 | unsupported_media_type     | ",
            "plain text            | text/plain                        | hello                                        | 415 | unsupported_media_type     | ",
            "no Content-Type       |                                   | {\"model\":\"demo\"," + MSGS + "}          | 415 | unsupported_media_type     | ",
            "missing model         | application/json                  | {" + MSGS + "}                               | 400 | missing_required_parameter | model",
            "empty model           | application/json                  | {\"model\":\"\"," + MSGS + "}                | 400 | invalid_value              | model",
            "model not a string    | application/json                  | {\"model\":42," + MSGS + "}                  | 400 | invalid_type               | model",
            "missing messages      | application/json                  | {\"model\":\"demo\"}                          | 400 | missing_required_parameter | messages",
            "messages not an array | application/json                  | {\"model\":\"demo\",\"messages\":\"hi\"}     | 400 | invalid_type               | messages",
            "messages empty        | application/json                  | {\"model\":\"demo\",\"messages\":[]}         | 400 | empty_array                | messages",
            "role not a string     | application/json                  | {\"model\":\"demo\",\"messages\":[{\"role\":5,\"content\":\"hi\"}]} | 400 | invalid_type | messages[0].role",
            "message without role  | application/json                  | {\"model\":\"demo\",\"messages\":[{\"content\":\"hi\"}]} | 400 | missing_required_parameter | messages[0].role",
            "unknown role          | application/json                  | {\"model\":\"demo\",\"messages\":[{\"role\":\"bot\",\"content\":\"hi\"}]} | 400 | invalid_value | messages[0].role",
            "content a number      | application/json                  | {\"model\":\"demo\",\"messages\":[{\"role\":\"user\",\"content\":5}]} | 400 | invalid_type | messages[0].content",
            "stream not boolean    | application/json                  | {\"model\":\"demo\",\"stream\":\"yes\"," + MSGS + "} | 400 | invalid_type  | stream",
            "stream_options alone  | application/json                  | {\"model\":\"demo\",\"stream_options\":{\"include_usage\":true}," + MSGS + "} | 400 | invalid_value | stream_options",
            "temperature a string  | application/json                  | {\"model\":\"demo\",\"temperature\":\"hot\"," + MSGS + "} | 400 | invalid_type | temperature",
            "temperature too high  | application/json                  | {\"model\":\"demo\",\"temperature\":3," + MSGS + "} | 400 | invalid_value | temperature",
            "max_tokens zero       | application/json                  | {\"model\":\"demo\",\"max_tokens\":0," + MSGS + "} | 400 | integer_below_min_value | max_tokens",
            "max_tokens decimal    | application/json                  | {\"model\":\"demo\",\"max_tokens\":1.5," + MSGS + "} | 400 | invalid_type | max_tokens",
            "stop not strings      | application/json                  | {\"model\":\"demo\",\"stop\":[1]," + MSGS + "} | 400 | invalid_type      | stop[0]",
            "unknown model         | application/json                  | {\"model\":\"no-such-model\"," + MSGS + "}   | 404 | model_not_found            | model",
            "unknown provider      | application/json                  | {\"model\":\"acme/gpt\"," + MSGS + "}        | 404 | model_not_found            | model",
            "provider without model| application/json                  | {\"model\":\"openai/\"," + MSGS + "}         | 400 | invalid_value              | model",
            "model with whitespace | application/json                  | {\"model\":\"openai/gpt 4\"," + MSGS + "}    | 400 | invalid_value              | model",
            "model with newline    | application/json                  | {\"model\":\"openai/gpt\\n4\"," + MSGS + "}  | 400 | invalid_value              | model",
    })
    void badRequestGetsAnOpenAiError(String name, String contentType, String body, int status, String code, String param)
            throws Exception {
        HttpResponse<String> response = post("/v1/chat/completions", contentType, body == null ? "" : body);

        assertError(response, status, code, param);
        assertThat(UPSTREAM.received()).as("nothing reached an upstream").isEmpty();
    }

    @Test
    void bodyOverTheLimitIs413() throws Exception {
        String huge = "{\"model\":\"demo\",\"messages\":[{\"role\":\"user\",\"content\":\"" + "a".repeat(9 * 1024 * 1024) + "\"}]}";
        assertError(post("/v1/chat/completions", "application/json", huge), 413, "request_too_large");
    }

    @Test
    void wrongMethodIs405WithAllow() throws Exception {
        HttpResponse<String> get = send(keyed(HttpRequest.newBuilder(URI.create(gatewayUrl("/v1/chat/completions")))).GET().build());
        assertError(get, 405, "method_not_allowed");
        assertThat(get.headers().firstValue("Allow")).hasValue("POST");
        HttpResponse<String> postModels = send(keyed(HttpRequest.newBuilder(URI.create(gatewayUrl("/v1/models"))))
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertError(postModels, 405, "method_not_allowed");
    }
}
