package dev.camelgateway.api.responses;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** The Responses endpoints' refusals over plain HTTP: each a status with OpenAI's envelope, never a 500. */
class ResponsesEndpointsTest extends ResponsesTestSupport {

    @Test
    void wrongMethodsAre405WithAllow() {
        HttpResponse<String> get = send(keyed(HttpRequest.newBuilder(URI.create(gatewayUrl("/v1/responses")))).GET().build());
        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(get.headers().firstValue("Allow")).contains("POST");
        HttpResponse<String> put = send(keyed(HttpRequest.newBuilder(URI.create(gatewayUrl("/v1/responses/resp_1"))))
                .PUT(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(put.statusCode()).isEqualTo(405);
        assertThat(put.headers().firstValue("Allow")).contains("GET, DELETE");
        assertThat(error(put).get("code").asText()).isEqualTo("method_not_allowed");
        HttpResponse<String> post = send(keyed(HttpRequest.newBuilder(URI.create(gatewayUrl("/v1/responses/resp_1/input_items"))))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).header("Content-Type", "application/json").build());
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).contains("GET");
    }

    @Test
    void anUnknownIdIs404InOpenAisWords() {
        HttpResponse<String> response = send(keyed(HttpRequest.newBuilder(URI.create(gatewayUrl("/v1/responses/resp_nope"))))
                .GET().build());
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(error(response).get("message").asText()).isEqualTo("Response with id 'resp_nope' not found.");
        assertThat(error(response).get("type").asText()).isEqualTo("invalid_request_error");
        assertThat(response.headers().firstValue("x-request-id")).isPresent();
        HttpResponse<String> delete = send(keyed(HttpRequest.newBuilder(URI.create(gatewayUrl("/v1/responses/resp_nope"))))
                .DELETE().build());
        assertThat(delete.statusCode()).isEqualTo(404);
    }

    @Test
    void everyEndpointNeedsAGatewayKey() {
        for (String path : new String[] {"/v1/responses/resp_1", "/v1/responses/resp_1/input_items"}) {
            HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(gatewayUrl(path))).GET().build());
            assertThat(response.statusCode()).as(path).isEqualTo(401);
            assertThat(error(response).get("code").asText()).isEqualTo("invalid_api_key");
        }
        HttpResponse<String> create = send(HttpRequest.newBuilder(URI.create(gatewayUrl("/v1/responses")))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build());
        assertThat(create.statusCode()).isEqualTo(401);
    }

    @Test
    void badBodiesAndBadPagingAre400NamingTheProblem() {
        HttpResponse<String> broken = post("/v1/responses", "application/json", "{\"model\":");
        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(error(broken).get("code").asText()).isEqualTo("invalid_json");
        HttpResponse<String> wrong = post("/v1/responses", "application/json",
                "{\"model\":\"openai/gpt-4.1\",\"input\":[{\"role\":\"user\",\"content\":3}]}");
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(error(wrong).get("param").asText()).isEqualTo("input[0].content");
        HttpResponse<String> unknownModel = post("/v1/responses", "application/json", "{\"model\":\"nope\",\"input\":\"hi\"}");
        assertThat(unknownModel.statusCode()).isEqualTo(404);
        assertThat(error(unknownModel).get("code").asText()).isEqualTo("model_not_found");
        for (String query : new String[] {"limit=0", "limit=101", "limit=x", "order=sideways"}) {
            HttpResponse<String> page = send(keyed(HttpRequest.newBuilder(URI.create(gatewayUrl(
                    "/v1/responses/resp_1/input_items?" + query)))).GET().build());
            assertThat(page.statusCode()).as(query).isEqualTo(400); // checked before the id is looked up
            assertThat(error(page).get("param").asText()).isEqualTo(query.substring(0, query.indexOf('=')));
        }
        assertThat(UPSTREAM.received()).isEmpty();
    }

    @Test
    void backgroundResponsesAreRefusedOnEveryPathBeforeAnyUpstreamCall() {
        for (String model : new String[] {"openai/gpt-4.1", "ollama/llama3", "anthropic/claude-sonnet-4-5"}) {
            HttpResponse<String> response = post("/v1/responses", "application/json",
                    "{\"model\":\"" + model + "\",\"input\":\"hi\",\"background\":true}");
            assertThat(response.statusCode()).as(model).isEqualTo(400);
            assertThat(error(response).get("param").asText()).isEqualTo("background");
            assertThat(error(response).get("code").asText()).isEqualTo("unsupported_parameter");
        }
        assertThat(UPSTREAM.received()).isEmpty();
    }

    @Test
    void idsThatNoResponseCanHaveAreRefusedBeforeAnyQuery() {
        HttpResponse<String> previous = post("/v1/responses", "application/json",
                "{\"model\":\"openai/gpt-4.1\",\"input\":\"hi\",\"previous_response_id\":\"resp_1\\u0000x\"}");
        assertThat(previous.statusCode()).isEqualTo(400);
        assertThat(error(previous).get("param").asText()).isEqualTo("previous_response_id");
        assertThat(error(previous).get("code").asText()).isEqualTo("invalid_value");
        assertThat(error(previous).get("message").asText()).startsWith("Invalid 'previous_response_id': 'resp_1?x'.");

        HttpResponse<String> after = send(keyed(HttpRequest.newBuilder(URI.create(gatewayUrl(
                "/v1/responses/resp_1/input_items?after=msg_1%00x")))).GET().build());
        assertThat(after.statusCode()).as("checked before the response is looked up").isEqualTo(400);
        assertThat(error(after).get("param").asText()).isEqualTo("after");

        HttpResponse<String> path = send(keyed(HttpRequest.newBuilder(URI.create(gatewayUrl("/v1/responses/resp_1%20x"))))
                .GET().build());
        assertThat(path.statusCode()).isEqualTo(404);
        assertThat(error(path).get("message").asText()).isEqualTo("Response with id 'resp_1%20x' not found.");
        assertThat(UPSTREAM.received()).isEmpty();
    }

    @Test
    void pagingIsReadFromTheQueryStringNotFromHeaders() {
        HttpResponse<String> page = send(keyed(HttpRequest.newBuilder(URI.create(gatewayUrl(
                "/v1/responses/resp_nope/input_items")))).header("limit", "0").header("order", "sideways").GET().build());
        assertThat(page.statusCode()).as("the headers are not paging parameters: the id is unknown").isEqualTo(404);
    }

    private static JsonNode error(HttpResponse<String> response) {
        return json(response.body()).get("error");
    }
}
