package dev.camelgateway.keys;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelgateway.api.HttpMethods;
import dev.camelgateway.api.Json;
import dev.camelgateway.api.JsonResponse;
import org.apache.camel.Exchange;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * {@code GET /admin/openapi.json}: the OpenAPI 3.1 description of every /admin endpoint, from the hand-written
 * {@code admin-openapi.json}. Generators do not see these endpoints: springdoc describes Spring MVC controllers and
 * camel-openapi-java the Rest DSL, while /admin is plain platform-http routes. So the file is maintained by hand and
 * AdminOpenApiTest holds it to the routes: every /admin route described, nothing described that no route serves,
 * and each path's methods as its route answers them.
 */
@Component("adminOpenApi")
public class AdminOpenApi {
    static final String RESOURCE = "admin-openapi.json";
    private final String document;

    public AdminOpenApi() {
        try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
            JsonNode spec = Json.MAPPER.readTree(in); // a broken file fails the start, not the first reader
            this.document = Json.write(spec);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    public void serve(Exchange exchange) {
        HttpMethods.require("GET", exchange.getMessage().getHeader(Exchange.HTTP_METHOD, String.class));
        JsonResponse.set(exchange.getMessage(), 200, Map.of(), document);
    }
}
