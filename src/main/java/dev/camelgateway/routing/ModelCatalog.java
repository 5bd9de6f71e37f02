package dev.camelgateway.routing;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelgateway.api.HttpMethods;
import dev.camelgateway.api.Json;
import dev.camelgateway.api.JsonResponse;
import dev.camelgateway.api.RequestContext;
import dev.camelgateway.api.ResponseHeaders;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code GET /v1/models}: every alias and every {@code provider/model} the configuration names, in OpenAI's list format. */
@Component("modelCatalog")
public class ModelCatalog {
    private final GatewayProperties properties;
    private final long created = System.currentTimeMillis() / 1000;

    public ModelCatalog(GatewayProperties properties) {
        this.properties = properties;
    }

    public void toModelList(Exchange exchange) {
        HttpMethods.require("GET", exchange.getMessage().getHeader(Exchange.HTTP_METHOD, String.class));
        JsonResponse.set(exchange.getMessage(), 200, ResponseHeaders.of(RequestContext.of(exchange)), toModelList());
    }

    public String toModelList() {
        Map<String, String> owners = new LinkedHashMap<>();
        properties.getModels().forEach((alias, config) -> {
            owners.putIfAbsent(alias, "gateway");
            config.targets().forEach(t -> owners.putIfAbsent(t, owner(t)));
            config.getFallbacks().forEach(f -> owners.putIfAbsent(f, owner(f)));
        });
        properties.getProviders().forEach((id, provider) ->
                provider.getModels().forEach(m -> owners.putIfAbsent(id + "/" + m, id)));
        ArrayNode data = Json.MAPPER.createArrayNode();
        owners.forEach((id, owner) -> data.addObject()
                .put("id", id).put("object", "model").put("created", created).put("owned_by", owner));
        ObjectNode list = Json.object().put("object", "list");
        list.set("data", data);
        return Json.write(list);
    }

    private static String owner(String target) {
        int slash = target.indexOf('/');
        return slash > 0 ? target.substring(0, slash) : "gateway";
    }
}
