package dev.camelgateway.api.responses;

import dev.camelgateway.api.GatewayException;
import dev.camelgateway.api.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Every field the gateway or a translation reads, wrong: a 400 that names it by its whole path. */
class ResponsesRequestValidatorTest {

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
            {"input":"hi"}                                                         | model                       | missing_required_parameter
            {"model":7,"input":"hi"}                                               | model                       | invalid_type
            {"model":"m"}                                                          | input                       | missing_required_parameter
            {"model":"m","input":5}                                                | input                       | invalid_type
            {"model":"m","input":["hi"]}                                           | input[0]                    | invalid_type
            {"model":"m","input":[{"content":"hi"}]}                               | input[0].type               | missing_required_parameter
            {"model":"m","input":[{"role":"robot","content":"hi"}]}                | input[0].role               | invalid_value
            {"model":"m","input":[{"role":"user","content":7}]}                    | input[0].content            | invalid_type
            {"model":"m","input":[{"role":"user","content":[{"text":"x"}]}]}       | input[0].content[0].type    | missing_required_parameter
            {"model":"m","input":[{"role":"user","content":[{"type":"input_text","text":1}]}]} | input[0].content[0].text | invalid_type
            {"model":"m","input":[{"type":"function_call","name":"f","arguments":"{}"}]} | input[0].call_id      | missing_required_parameter
            {"model":"m","input":[{"type":"function_call_output","call_id":"c"}]}  | input[0].output              | missing_required_parameter
            {"model":"m","input":"hi","instructions":["x"]}                         | instructions                | invalid_type
            {"model":"m","input":"hi","tools":[{"type":"function"}]}                | tools[0].name               | missing_required_parameter
            {"model":"m","input":"hi","tools":[{"type":"function","name":"f","parameters":"x"}]} | tools[0].parameters | invalid_type
            {"model":"m","input":"hi","tool_choice":"sometimes"}                    | tool_choice                 | invalid_value
            {"model":"m","input":"hi","tool_choice":{"type":"function"}}            | tool_choice.name            | missing_required_parameter
            {"model":"m","input":"hi","text":{"format":{"type":"yaml"}}}            | text.format.type            | invalid_value
            {"model":"m","input":"hi","text":{"format":{"type":"json_schema","name":"n"}}} | text.format.schema   | missing_required_parameter
            {"model":"m","input":"hi","reasoning":{"effort":1}}                     | reasoning.effort            | invalid_type
            {"model":"m","input":"hi","max_output_tokens":8}                        | max_output_tokens           | integer_below_min_value
            {"model":"m","input":"hi","max_output_tokens":"many"}                   | max_output_tokens           | invalid_type
            {"model":"m","input":"hi","store":"yes"}                                | store                       | invalid_type
            {"model":"m","input":"hi","stream":1}                                   | stream                      | invalid_type
            {"model":"m","input":"hi","previous_response_id":12}                    | previous_response_id        | invalid_type
            {"model":"m","input":"hi","parallel_tool_calls":"no"}                   | parallel_tool_calls         | invalid_type
            {"model":"m","input":"hi","temperature":3}                              | temperature                 | invalid_value
            {"model":"m","input":"hi","top_p":-1}                                   | top_p                       | invalid_value
            {"model":"m","input":"hi","metadata":{"k":1}}                           | metadata.k                  | invalid_type
            {"model":"m","input":"hi","include":[1]}                                | include[0]                  | invalid_type
            {"model":"m","input":"hi","stream_options":{}}                          | stream_options              | invalid_value
            {"model":"m","input":"hi","conversation":"conv_1"}                      | conversation                | unsupported_parameter
            {"model":"m","input":[{"type":"item_reference","id":"msg_1"}]}          | input[0]                    | unsupported_parameter
            {"model":"m","input":[{"type":"reasoning","id":"rs_1","summary":[]}]}   | input[0]                    | unsupported_parameter
            {"model":"m","input":[{"role":"user","content":[{"type":"input_file","file_id":"file-1"}]}]} | input[0].content[0].file_id | unsupported_parameter
            {"model":"m","input":[{"role":"user","content":[{"type":"input_image","file_id":"file-1"}]}]} | input[0].content[0].file_id | unsupported_parameter
            {"model":"m","input":"hi","tools":[{"type":"file_search","vector_store_ids":["vs_1"]}]} | tools[0].vector_store_ids | unsupported_parameter
            {"model":"m","input":"hi","tools":[{"type":"code_interpreter","container":"cntr_1"}]} | tools[0].container | unsupported_parameter
            {"model":"m","input":"hi","tools":[{"type":"code_interpreter","container":{"type":"auto","file_ids":["file-1"]}}]} | tools[0].container.file_ids | unsupported_parameter
            {"model":"m","input":"hi","prompt":{"id":"pmpt_1"}}                     | prompt                      | unsupported_parameter
            {"model":"m","input":"hi","background":true}                            | background                  | unsupported_parameter
            """)
    void aWrongFieldIsRefusedByName(String body, String param, String code) throws Exception {
        GatewayException e = catchThrowableOfType(GatewayException.class,
                () -> ResponsesRequestValidator.validate(Json.parse(body)));
        assertThat(e).as(body).isNotNull();
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.error().param()).isEqualTo(param);
        assertThat(e.error().code()).isEqualTo(code);
        assertThat(e.error().message()).contains(param.contains(".") ? param.substring(param.lastIndexOf('.') + 1) : param);
    }

    @Test
    void reasoningItemsCarryingTheirEncryptedContentPassAsCodexSendsThem() throws Exception {
        String body = "{\"model\":\"m\",\"store\":false,\"include\":[\"reasoning.encrypted_content\"],\"input\":["
                + "{\"type\":\"reasoning\",\"id\":\"rs_1\",\"summary\":[],\"encrypted_content\":\"gAAAAB\"},"
                + "{\"type\":\"message\",\"role\":\"user\",\"content\":[{\"type\":\"input_text\",\"text\":\"hi\"}]}],"
                + "\"tools\":[{\"type\":\"code_interpreter\",\"container\":{\"type\":\"auto\"}}]}";
        assertThat(ResponsesRequestValidator.validate(Json.parse(body))).isNotNull();
    }
}
