package dev.camelgateway.api;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.springframework.stereotype.Component;

import java.io.IOException;

/**
 * Reads the client's request into a validated {@link ChatRequest}: method, JSON syntax, then field validation. Content
 * type, encoding, size and UTF-8 were checked by {@link JsonBodyGuard}, which hands over the body it read. Every
 * refusal is an OpenAI-style error that names the problem.
 */
@Component("chatRequestReader")
public class ChatRequestReader {
    private final ChatCompletionsApi api;

    public ChatRequestReader(ChatCompletionsApi api) {
        this.api = api;
    }

    /** The request, validated, as the canonical {@link ChatRequest}; the client speaks Chat Completions. */
    public void read(Exchange exchange) {
        Message in = exchange.getMessage();
        HttpMethods.require("POST", in.getHeader(Exchange.HTTP_METHOD, String.class));
        byte[] body = GuardedBodyRequest.bodyOf(in.getHeader(Exchange.HTTP_SERVLET_REQUEST, HttpServletRequest.class));
        ChatRequest request = ChatRequestValidator.validate(parse(body));
        RequestContext context = RequestContext.of(exchange);
        context.clientApi(api);
        context.request(ClientRequest.ofChat(api, request));
        in.setBody(null);
    }

    /** The body as JSON, or a 400 {@code invalid_json} that says where it broke (every inbound API's reader). */
    public static JsonNode parse(byte[] body) {
        if (body.length == 0) {
            throw GatewayException.badRequest("The request body is empty; expected a JSON object.", null, "invalid_json");
        }
        try {
            return Json.parse(body);
        } catch (JacksonException e) {
            String where = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            throw GatewayException.badRequest("We could not parse the JSON body of your request: " + e.getOriginalMessage()
                    + where + ".", null, "invalid_json");
        } catch (IOException e) {
            throw GatewayException.badRequest("We could not read the body of your request.", null, "invalid_json");
        }
    }
}
