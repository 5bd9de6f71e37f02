package dev.camelgateway.keys;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelgateway.api.Json;
import dev.camelgateway.support.GatewayTestSupport;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.PlatformHttpEndpoint;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hand-written admin-openapi.json against the routes it describes (no generator sees platform-http routes, see
 * {@link AdminOpenApi}): valid OpenAPI 3.1; every /admin route of routes/*.yaml described and nothing else; and each
 * path's methods exactly those its route serves (any other answers 405).
 */
class AdminOpenApiTest extends GatewayTestSupport {
    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE");
    private static String document;
    private static OpenAPI spec;

    @Autowired
    CamelContext camel;

    @BeforeAll
    static void parse() throws IOException {
        document = new ClassPathResource(AdminOpenApi.RESOURCE).getContentAsString(StandardCharsets.UTF_8);
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(document, null, options);
        assertThat(result.getMessages()).as("parser messages").isEmpty();
        spec = result.getOpenAPI();
        assertThat(spec.getOpenapi()).isEqualTo("3.1.0");
    }

    @Test
    void everyAdminRouteIsDescribedAndNothingElse() {
        Set<String> routes = camel.getEndpoints().stream().filter(PlatformHttpEndpoint.class::isInstance)
                .map(endpoint -> ((PlatformHttpEndpoint) endpoint).getPath()).filter(path -> path.startsWith("/admin"))
                .map(AdminOpenApiTest::shape).collect(Collectors.toCollection(TreeSet::new));
        Set<String> described = spec.getPaths().keySet().stream().map(AdminOpenApiTest::shape)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(routes).hasSizeGreaterThanOrEqualTo(10);
        assertThat(described).isEqualTo(routes);
    }

    /** As admin, with ids nobody has: a described method answers anything but 405 (400, 404), any other 405. */
    @Test
    void eachPathServesExactlyItsDescribedMethods() {
        spec.getPaths().forEach((path, item) -> {
            Set<String> described = item.readOperationsMap().keySet().stream().map(Enum::name).collect(Collectors.toSet());
            for (String method : METHODS) {
                HttpResponse<String> response = call(method, path.replaceAll("\\{[^}]+}", "no-such-id"));
                assertThat(response.statusCode() == 405).as(method + " " + path + ": " + response.body())
                        .isEqualTo(!described.contains(method));
            }
        });
    }

    @Test
    void everyOperationIsNamedOnceAnswersErrorsAndDeclaresItsPathParameters() {
        Set<String> ids = new HashSet<>();
        spec.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            String where = method + " " + path;
            assertThat(ids.add(operation.getOperationId())).as(where + " operationId").isTrue();
            assertThat(operation.getResponses()).as(where).containsKey("401");
            assertThat(pathParameters(item, operation)).as(where).isEqualTo(namesIn(path));
            if (!method.equals(PathItem.HttpMethod.GET)) {
                assertThat(operation.getResponses()).as(where).containsKeys("400", "403");
            }
        }));
    }

    @Test
    void theGatewayServesTheFileToOperators() throws IOException {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(gatewayUrl("/admin/openapi.json")))
                .header("Authorization", basic(OPERATOR_USER, OPERATOR_PASSWORD)).GET().build());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(Json.parse(response.body())).isEqualTo(Json.parse(document));
        JsonNode anonymous = Json.parse(send(HttpRequest.newBuilder(URI.create(gatewayUrl("/admin/openapi.json"))).GET()
                .build()).body());
        assertThat(anonymous.get("error").get("code").asText()).isEqualTo("authentication_required");
    }

    private static HttpResponse<String> call(String method, String path) {
        boolean withBody = !method.equals("GET") && !method.equals("DELETE");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gatewayUrl(path)))
                .header("Authorization", basic(ADMIN_USER, ADMIN_PASSWORD))
                .method(method, withBody ? HttpRequest.BodyPublishers.ofString("{}") : HttpRequest.BodyPublishers.noBody());
        if (withBody) {
            request.header("Content-Type", "application/json");
        }
        return send(request.build());
    }

    /** A path with its parameters unnamed: /admin/keys/{id} and /admin/keys/{key} are one route. */
    private static String shape(String path) {
        return path.replaceAll("\\{[^}]+}", "{}");
    }

    private static Set<String> namesIn(String path) {
        return java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(path).results().map(m -> m.group(1))
                .collect(Collectors.toSet());
    }

    private static Set<String> pathParameters(PathItem item, Operation operation) {
        Set<String> names = new HashSet<>();
        for (List<io.swagger.v3.oas.models.parameters.Parameter> parameters : new List[] {item.getParameters(),
                operation.getParameters()}) {
            if (parameters != null) {
                parameters.stream().map(AdminOpenApiTest::resolved).filter(p -> "path".equals(p.getIn()))
                        .forEach(p -> names.add(p.getName()));
            }
        }
        return names;
    }

    private static io.swagger.v3.oas.models.parameters.Parameter resolved(io.swagger.v3.oas.models.parameters.Parameter p) {
        if (p.get$ref() == null) {
            return p;
        }
        Map<String, io.swagger.v3.oas.models.parameters.Parameter> shared = spec.getComponents().getParameters();
        return shared.get(p.get$ref().substring(p.get$ref().lastIndexOf('/') + 1));
    }
}
