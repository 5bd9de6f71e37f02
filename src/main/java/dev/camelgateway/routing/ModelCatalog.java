package dev.camelgateway.routing;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelgateway.api.GatewayException;
import dev.camelgateway.api.Bounded;
import dev.camelgateway.api.HttpMethods;
import dev.camelgateway.api.Json;
import dev.camelgateway.api.JsonResponse;
import dev.camelgateway.api.OpenAiError;
import dev.camelgateway.api.RequestContext;
import dev.camelgateway.keys.GatewayKey;
import dev.camelgateway.api.ResponseHeaders;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * {@code GET /v1/models}: every alias and every {@code provider/model} the configuration names, in OpenAI's list format;
 * {@code GET /v1/models/{id}}: one of them. A gateway key limited to some models sees only those (as OpenAI's project
 * keys do): the list is what this caller may call.
 */
@Component("modelCatalog")
public class ModelCatalog {
    private static final String MODEL_PATH = "/v1/models/";
    private final GatewayProperties properties;
    private final long created = System.currentTimeMillis() / 1000;

    public ModelCatalog(GatewayProperties properties) {
        this.properties = properties;
    }

    public void toModelList(Exchange exchange) {
        HttpMethods.require("GET", exchange.getMessage().getHeader(Exchange.HTTP_METHOD, String.class));
        RequestContext context = RequestContext.of(exchange);
        JsonResponse.set(exchange.getMessage(), 200, ResponseHeaders.of(context), toModelList(allowed(context)));
    }

    private static Predicate<String> allowed(RequestContext context) {
        GatewayKey key = context.key();
        return key == null ? id -> true : key::allows;
    }

    /** {@code GET /v1/models/{id}}: the id is the rest of the path, its {@code /} sent as is or as {@code %2F}. */
    public void toModel(Exchange exchange) {
        HttpMethods.require("GET", exchange.getMessage().getHeader(Exchange.HTTP_METHOD, String.class));
        String id = ModelIds.fromPath(exchange.getMessage().getHeader(Exchange.HTTP_URI, String.class), MODEL_PATH);
        String owner = id == null || !allowed(RequestContext.of(exchange)).test(id) ? null : owners().get(id);
        if (owner == null) {
            throw new GatewayException(404, new OpenAiError("The model '" + (id == null ? "" : Bounded.of(id)) + "' does not exist: "
                    + "GET /v1/models lists the models of this gateway.", OpenAiError.INVALID_REQUEST, "model", "model_not_found"));
        }
        JsonResponse.set(exchange.getMessage(), 200, ResponseHeaders.of(RequestContext.of(exchange)), Json.write(model(id, owner)));
    }

    private String toModelList(Predicate<String> allowed) {
        ArrayNode data = Json.MAPPER.createArrayNode();
        owners().forEach((id, owner) -> {
            if (allowed.test(id)) {
                data.add(model(id, owner));
            }
        });
        ObjectNode list = Json.object().put("object", "list");
        list.set("data", data);
        return Json.write(list);
    }

    private ObjectNode model(String id, String owner) {
        return Json.object().put("id", id).put("object", "model").put("created", created).put("owned_by", owner);
    }

    /** Every model id the configuration names, with its owner, in the list's order. */
    private Map<String, String> owners() {
        Map<String, String> owners = new LinkedHashMap<>();
        properties.getModels().forEach((alias, config) -> {
            owners.putIfAbsent(alias, "gateway");
            config.targets().forEach(t -> owners.putIfAbsent(t, owner(t)));
            config.getFallbacks().forEach(f -> owners.putIfAbsent(f, owner(f)));
        });
        properties.getProviders().forEach((id, provider) ->
                provider.getModels().forEach(m -> owners.putIfAbsent(id + "/" + m, id)));
        return owners;
    }

    private static String owner(String target) {
        int slash = target.indexOf('/');
        return slash > 0 ? target.substring(0, slash) : "gateway";
    }
}
