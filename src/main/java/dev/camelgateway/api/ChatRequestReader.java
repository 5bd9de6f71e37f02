package dev.camelgateway.api;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.camelgateway.routing.GatewayProperties;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads the client's HTTP request into a validated {@link ChatRequest}: method, size limit, JSON syntax, then
 * field validation (the content type was checked by {@link JsonContentTypeFilter}). Every refusal is an OpenAI-style error that names the problem.
 */
@Component("chatRequestReader")
public class ChatRequestReader {
    private final long maxBytes;

    public ChatRequestReader(GatewayProperties properties) {
        this.maxBytes = properties.getMaxRequestSize().toBytes();
    }

    public void read(Exchange exchange) throws IOException {
        Message in = exchange.getMessage();
        HttpMethods.require("POST", in.getHeader(Exchange.HTTP_METHOD, String.class));
        Long declared = in.getHeader(Exchange.CONTENT_LENGTH, Long.class);
        if (declared != null && declared > maxBytes) {
            throw tooLarge();
        }
        byte[] body = readBounded(in.getBody(InputStream.class));
        ChatRequest request = ChatRequestValidator.validate(parse(body));
        RequestContext.of(exchange).request(request);
        in.setBody(request);
    }

    private byte[] readBounded(InputStream in) throws IOException {
        if (in == null) {
            return new byte[0];
        }
        try (in) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (bytes.length > maxBytes) {
                throw tooLarge();
            }
            return bytes;
        }
    }

    private static JsonNode parse(byte[] body) {
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

    private GatewayException tooLarge() {
        return new GatewayException(413, new OpenAiError("The request body exceeds the gateway's limit of " + maxBytes
                + " bytes (gateway.max-request-size).", OpenAiError.INVALID_REQUEST, null, "request_too_large"));
    }
}
